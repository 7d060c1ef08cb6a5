package dev.lvsunit.tools.ip;

/**
 * ip stopped with a message on standard error and an exit status: a usage
 * error ({@code exit(-1)}, status 255), a lookup failure in ip itself
 * ({@code return -1}, status 1) or a kernel refusal ({@code return -2},
 * status 2). The message has no final newline; it may span lines.
 */
final class IpError extends RuntimeException {

    private final int status;

    IpError(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** {@code incomplete_command()}. */
    static IpError incomplete() {
        return new IpError("Command line is not complete. Try option \"help\"", 255);
    }

    /** {@code duparg()}. */
    static IpError duparg(String key, String arg) {
        return new IpError("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.", 255);
    }

    /** {@code duparg2()}. */
    static IpError duparg2(String key, String arg) {
        return new IpError("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.", 255);
    }

    /** {@code invarg()}; {@code msg} keeps the trailing newline some callers give it. */
    static IpError invarg(String msg, String arg) {
        return new IpError("Error: argument \"" + arg + "\" is wrong: " + msg, 255);
    }

    /** {@code nodev()}: a device named on the command line does not exist. */
    static IpError nodev(String name) {
        return new IpError("Cannot find device \"" + name + "\"", 1);
    }

    /** The {@code Device "X" does not exist.} of the show and flush commands. */
    static IpError noSuchDevice(String name) {
        return new IpError("Device \"" + name + "\" does not exist.", 1);
    }
}
