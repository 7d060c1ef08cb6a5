package dev.lvsunit.tools.iputils;

import java.util.function.IntSupplier;

/** {@code error(STATUS, ...)} / {@code exit(STATUS)}: the program stops with an exit status. */
final class ToolExit extends RuntimeException {

    private final int status;

    ToolExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    /** Runs a program's {@code main}: what it returns, or the status it exited with on the way. */
    static int run(IntSupplier main) {
        try {
            return main.getAsInt();
        } catch (ToolExit e) {
            return e.status;
        }
    }
}
