package dev.lvsunit.junit.process;

import java.util.List;

/**
 * Decides, for one {@code ProcessBuilder.start()}, whether it runs on a
 * simulated host: it does when the calling thread is bound to a
 * {@link SimulatedProcesses} that takes the command.
 */
final class Dispatcher {

    /** The binding of each thread; threads a bound thread starts inherit it. */
    static final InheritableThreadLocal<SimulatedProcesses> BINDING = new InheritableThreadLocal<>();

    private Dispatcher() {
    }

    /** The simulated process, or {@code null} to start a real one. */
    static Object dispatch(Object processBuilder) {
        SimulatedProcesses binding = BINDING.get();
        if (binding == null) {
            return null;
        }
        ProcessBuilder builder = (ProcessBuilder) processBuilder;
        List<String> command = builder.command();
        return binding.start(builder, command);
    }
}
