package dev.lvsunit.robust;

import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.junit.internal.PcapWriter;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import dev.lvsunit.spec.engine.EngineBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a spec run on the engine printed, byte for byte: every step as the
 * backend saw it, every command's output and exit status, every
 * {@code @tcpdump}, the runner's report, and what a capture file of each
 * segment would hold (each frame's virtual time and bytes, as a pcap record)
 * and the digest of the pcap file the JUnit extension writes for it.
 * Two runs are the same run exactly when their transcripts are equal.
 */
final class Transcripts {

    private Transcripts() {
    }

    static String of(Path file) {
        try {
            return of(Spec.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String of(Spec spec) {
        StringBuilder log = new StringBuilder();
        SpecResult result = new SpecRunner(new Recording(new EngineBackend(), log)).run(spec);
        log.append("--- report\n").append(result.report());
        return log.toString();
    }

    /**
     * Every frame of every segment of the session's world: virtual time in
     * microseconds and the bytes on the wire, the content of a pcap file. The
     * engine session keeps its world private; the test reads it reflectively and
     * fails loudly if it is no longer there.
     */
    private static void capture(Session session, StringBuilder log) {
        World world;
        try {
            Field field = session.getClass().getDeclaredField("world");
            field.setAccessible(true);
            world = (World) field.get(session);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new AssertionError("cannot read the engine session's world to compare captures: " + e, e);
        }
        HexFormat hex = HexFormat.of();
        for (Segment segment : world.segments()) {
            log.append("--- capture ").append(segment.name()).append('\n');
            for (CapturedFrame f : segment.capture()) {
                log.append(f.timeNanos() / 1000).append(' ').append(hex.formatHex(f.frame().toBytes())).append('\n');
            }
            log.append("--- pcap file ").append(segment.name()).append(" sha256 ")
                    .append(hex.formatHex(pcapDigest(segment.capture()))).append('\n');
        }
    }

    /** The SHA-256 of the capture file the JUnit extension writes for these frames. */
    private static byte[] pcapDigest(List<CapturedFrame> frames) {
        try {
            Path file = Files.createTempFile("lvsunit-determinism-", ".pcap");
            try {
                PcapWriter.write(file, frames);
                return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A backend that writes down every call and answer of the backend it wraps. */
    private record Recording(Backend inner, StringBuilder log) implements Backend {

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Session open() {
            Session session = inner.open();
            return new Session() {
                @Override
                public void host(String name) {
                    log.append("@host ").append(name).append('\n');
                    session.host(name);
                }

                @Override
                public void lan(String segment, List<LanMember> members) {
                    log.append("@lan ").append(segment).append(' ').append(members).append('\n');
                    session.lan(segment, members);
                }

                @Override
                public CommandOutcome run(String host, String commandLine) {
                    return record(host + "# " + commandLine, session.run(host, commandLine));
                }

                @Override
                public CommandOutcome tcpdump(String segment, List<String> arguments) {
                    return record("@tcpdump " + segment + " " + arguments, session.tcpdump(segment, arguments));
                }

                private CommandOutcome record(String step, CommandOutcome outcome) {
                    log.append(step).append('\n').append(outcome.output())
                            .append("[").append(outcome.exitStatus()).append("]\n");
                    return outcome;
                }

                @Override
                public void close() {
                    capture(session, log);
                    session.close();
                }
            };
        }
    }
}
