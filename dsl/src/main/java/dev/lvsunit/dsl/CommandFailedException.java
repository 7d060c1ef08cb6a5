package dev.lvsunit.dsl;

/**
 * A configuration step failed the way the real command would fail: the
 * message is the command line, what the tool prints, and its exit status, as
 * a terminal would show them.
 *
 * <pre>
 * director# ip addr add 192.168.0.2/24 dev eth0
 * Error: ipv4: Address already assigned.
 * [2]
 * </pre>
 */
public final class CommandFailedException extends RuntimeException {

    private final transient CommandResult result;

    public CommandFailedException(CommandResult result) {
        super("\n" + result.toString().stripTrailing());
        this.result = result;
    }

    /** The command, its output and exit status. */
    public CommandResult result() {
        return result;
    }
}
