package dev.lvsunit.kernel;

import dev.lvsunit.spec.backend.BackendException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Records every frame of one segment: one {@code tcpdump -w} on the segment's
 * bridge, started with the segment and read incrementally.
 *
 * <p>Why one capture on the bridge device and not one per port: tcpdump puts
 * {@code br0} in promiscuous mode, and {@code br_handle_frame_finish()} then
 * passes a copy of every frame the bridge receives from any port up to the
 * bridge device ({@code local_rcv} is set when the bridge has
 * {@code IFF_PROMISC}), flooded or unicast alike. So each frame on the
 * segment is seen exactly once, in the order the bridge handled them. The
 * bridge device has no address and no IPv6, so it adds no frames of its own.
 *
 * <p>{@code --immediate-mode} hands each frame to tcpdump at once (without it
 * TPACKET_V3 holds frames up to the 1 s buffer timeout) and {@code -U} writes
 * each record as soon as it arrives, so a read sees everything the bridge has
 * handled up to a moment before.
 */
final class SegmentCapture implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final Path file;
    private final Path log;
    private Pcap.Header header;
    private long offset;

    private SegmentCapture(Process process, Path file, Path log) {
        this.process = process;
        this.file = file;
        this.log = log;
    }

    /**
     * Starts capturing on {@code bridge} in {@code namespace} into
     * {@code file}, and returns once tcpdump listens.
     */
    static SegmentCapture start(String namespace, String bridge, Path file, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", namespace,
                "tcpdump", "-i", bridge, "-n", "--immediate-mode", "-U", "-Z", "root",
                "-w", file.toString());
        builder.environment().clear();
        builder.environment().putAll(Exec.ENVIRONMENT);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(log.toFile());
        Process process = builder.start();
        SegmentCapture capture = new SegmentCapture(process, file, log);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            if (text.contains("listening on ")) {
                return capture;
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                capture.close();
                throw new BackendException("kernel backend: tcpdump on " + bridge + " in " + namespace
                        + " did not start: " + text.strip().replace('\n', ' '));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                capture.close();
                throw new BackendException("kernel backend: interrupted while starting tcpdump");
            }
        }
    }

    /** Fails if tcpdump has died, which would silently lose frames. */
    void checkRunning() throws IOException {
        if (!process.isAlive()) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            throw new BackendException("kernel backend: the capture of the segment stopped: "
                    + text.strip().replace('\n', ' '));
        }
    }

    /** The header of the capture file, or null while tcpdump has written nothing yet. */
    Pcap.Header header() throws IOException {
        if (header == null) {
            header = Pcap.readHeader(file);
            if (header != null) {
                offset = Pcap.HEADER_LENGTH;
            }
        }
        return header;
    }

    /** The frames captured since the previous call (or since the start). */
    List<Pcap.Frame> takeNew() throws IOException {
        Pcap.Header h = header();
        if (h == null) {
            return List.of();
        }
        Pcap.Slice slice = Pcap.readFrom(file, h, offset);
        offset = slice.nextOffset();
        return slice.frames();
    }

    /** Stops tcpdump. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
