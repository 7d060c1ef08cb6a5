package dev.lvsunit.tools.iputils;

/** {@code error(STATUS, ...)} / {@code exit(STATUS)}: the program stops with an exit status. */
final class ToolExit extends RuntimeException {

    private final int status;

    ToolExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
