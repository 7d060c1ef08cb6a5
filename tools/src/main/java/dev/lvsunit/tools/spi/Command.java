package dev.lvsunit.tools.spi;

import java.util.List;

/** One userland program: parses its arguments as the real tool does and acts on the host. */
@FunctionalInterface
public interface Command {

    /**
     * Runs the program.
     *
     * @param ctx the host, the clock and the terminal
     * @param args the arguments after the program name
     * @return the exit status
     * @throws NotSupportedException for an option or form lvsunit does not model
     */
    int run(CommandContext ctx, List<String> args);
}
