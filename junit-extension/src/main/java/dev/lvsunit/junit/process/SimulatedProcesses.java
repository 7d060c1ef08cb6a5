package dev.lvsunit.junit.process;

import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Shells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the processes that code under test starts with {@link ProcessBuilder}
 * (or {@code Runtime.exec}) on a simulated host instead of the machine:
 *
 * <pre>{@code
 * try (SimulatedProcesses sim = SimulatedProcesses.on(director)) {
 *     new LvsProvisioner().apply(config);     // calls ipvsadm and sysctl through ProcessBuilder
 * }
 * assertThat(director.run("ipvsadm -L -n").output()).contains("192.168.0.101:80");
 * }</pre>
 *
 * <p>While open, it is bound to the thread that opened it and to the threads
 * that thread starts: on those, {@code ProcessBuilder.start()} runs the command
 * line through lvsunit's shell on the host (recorded in the lab's transcript,
 * after the typing gap) and returns a finished {@link Process} with the
 * command's output on standard output and its exit status. An unknown
 * command gives bash's {@code command not found} and 127, as a host without
 * that tool would: nothing reaches the real machine unless named in
 * {@link #on(Host, String...)}. Other threads are not affected, so tests in parallel
 * can each bind their own host.
 *
 * <p>The program is named by its last path component ({@code /sbin/ipvsadm}
 * runs {@code ipvsadm}); the working directory and environment are ignored;
 * standard input is discarded; redirecting output to a file or discarding it
 * is honoured.
 *
 * <p>The interception weaves {@code ProcessBuilder.start()} with ByteBuddy
 * through a dynamically attached agent, on the first {@code on(...)}: see
 * {@link ProcessHook}.
 */
public final class SimulatedProcesses implements AutoCloseable {

    private final Host host;
    private final Set<String> passThrough;
    private final SimulatedProcesses previous;
    private final Thread owner;
    private final List<CommandResult> started = new ArrayList<>();
    private boolean closed;

    private SimulatedProcesses(Host host, Set<String> passThrough, SimulatedProcesses previous, Thread owner) {
        this.host = host;
        this.passThrough = passThrough;
        this.previous = previous;
        this.owner = owner;
    }

    /** Binds the current thread: its processes run on {@code host} until {@link #close()}. */
    public static SimulatedProcesses on(Host host) {
        return on(host, new String[0]);
    }

    /**
     * Binds the current thread, except that the programs named in
     * {@code passThrough} start for real ({@code git}, {@code java}): use with
     * care, they act on the machine.
     */
    public static SimulatedProcesses on(Host host, String... passThrough) {
        Objects.requireNonNull(host, "host");
        ProcessHook.install();
        SimulatedProcesses s = new SimulatedProcesses(host, Set.of(passThrough), Dispatcher.BINDING.get(),
                Thread.currentThread());
        Dispatcher.BINDING.set(s);
        return s;
    }

    /** The host processes run on. */
    public Host host() {
        return host;
    }

    /** The commands started through this binding so far, with what they printed. */
    public synchronized List<CommandResult> started() {
        return List.copyOf(started);
    }

    /** Runs one {@code start()}; {@code null} lets a real process start. */
    synchronized Process start(ProcessBuilder builder, List<String> command) {
        if (closed || command.isEmpty()) {
            return null;
        }
        String program = command.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        if (passThrough.contains(name)) {
            return null;
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, name);
        CommandResult result = host.run(Shells.join(argv));
        started.add(result);
        Redirect out = builder.redirectOutput();
        boolean pipe = out.type() == Redirect.Type.PIPE;
        if (out.type() == Redirect.Type.WRITE || out.type() == Redirect.Type.APPEND) {
            try {
                Files.writeString(out.file().toPath(), result.output(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        out.type() == Redirect.Type.APPEND ? StandardOpenOption.APPEND
                                : StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (out.type() == Redirect.Type.INHERIT) {
            System.out.print(result.output());
        }
        return new SimulatedProcess(result, pipe);
    }

    /** Unbinds: the thread's processes are real again (or go to the binding this one replaced). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        if (Thread.currentThread() == owner && Dispatcher.BINDING.get() == this) {
            if (previous == null) {
                Dispatcher.BINDING.remove();
            } else {
                Dispatcher.BINDING.set(previous);
            }
        }
    }
}
