package dev.lvsunit.junit.process;

import dev.lvsunit.dsl.CommandResult;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A process that already ran, on a simulated host: its output waits to be
 * read, its exit status is known. Standard output carries what the command
 * printed on both its streams, in the order written (the simulated tools
 * write one terminal); standard error is empty. Standard input is discarded.
 */
final class SimulatedProcess extends Process {

    private final CommandResult result;
    private final InputStream stdout;

    SimulatedProcess(CommandResult result, boolean outputToPipe) {
        this.result = result;
        byte[] bytes = outputToPipe ? result.output().getBytes(StandardCharsets.UTF_8) : new byte[0];
        this.stdout = new ByteArrayInputStream(bytes);
    }

    /** The command as it ran. */
    CommandResult result() {
        return result;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() {
        return result.exitStatus();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public int exitValue() {
        return result.exitStatus();
    }

    @Override
    public boolean isAlive() {
        return false;
    }

    @Override
    public void destroy() {
        // it has finished
    }

    @Override
    public String toString() {
        return "SimulatedProcess[" + result.host() + "# " + result.commandLine() + ", exit " + result.exitStatus() + "]";
    }
}
