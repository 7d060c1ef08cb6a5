package dev.lvsunit.tools.shell;

/** A command line bash itself would refuse; the message is bash's. */
public final class ShellSyntaxException extends Exception {
    public ShellSyntaxException(String message) {
        super(message);
    }
}
