package dev.lvsunit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import dev.lvsunit.tools.spi.NotSupportedException;
import dev.lvsunit.tools.tcpdump.Tcpdump;
import java.util.Arrays;
import java.util.List;

/**
 * Each command's argument parser, through the shell on {@link SmallWorld}:
 * {@code new Shell(world).run("h", "ip " + fuzzed)}. Every input must be
 * {@link Answered answered}.
 *
 * <p>Seeds and past findings live in
 * {@code src/test/resources/dev/lvsunit/fuzz/CommandFuzzTestInputs/METHOD/}; plain
 * {@code mvn test} replays them. Fuzz one target with
 * {@code JAZZER_FUZZ=1 mvn -pl fuzz -am test -Dtest=CommandFuzzTest#ip -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CommandFuzzTest {

    private static void fuzz(String command, byte[] data) {
        Shell shell = SmallWorld.create();
        Answered.run(shell, "h", command + " " + Answered.line(data));
    }

    @FuzzTest
    void ip(byte[] data) {
        fuzz("ip", data);
    }

    @FuzzTest
    void ifconfig(byte[] data) {
        fuzz("ifconfig", data);
    }

    @FuzzTest
    void route(byte[] data) {
        fuzz("route", data);
    }

    @FuzzTest
    void arp(byte[] data) {
        fuzz("arp", data);
    }

    @FuzzTest
    void sysctl(byte[] data) {
        fuzz("sysctl", data);
    }

    @FuzzTest
    void ping(byte[] data) {
        fuzz("ping", data);
    }

    @FuzzTest
    void arping(byte[] data) {
        fuzz("arping", data);
    }

    @FuzzTest
    void ipvsadm(byte[] data) {
        fuzz("ipvsadm", data);
    }

    @FuzzTest
    void curl(byte[] data) {
        fuzz("curl", data);
    }

    /** echo (also {@code > /proc/sys/...}), cat, sleep, serve and unknown commands: the whole line is fuzzed. */
    @FuzzTest
    void shell(byte[] data) {
        Shell shell = SmallWorld.create();
        Answered.run(shell, "h", Answered.line(data));
    }

    /** ARP, ICMP, TCP with HTTP, UDP: what {@link #tcpdump} formats, made once. */
    private static final List<CapturedFrame> FRAMES = frames();

    private static List<CapturedFrame> frames() {
        Shell shell = SmallWorld.create();
        for (String line : List.of("arping -c 1 -I eth0 10.0.0.2", "ping -c 2 10.0.0.100", "ping -c 1 -W 1 10.0.0.9")) {
            shell.run("h", line);
        }
        shell.run("r", "serve 80 hello");
        shell.run("h", "curl -s http://10.0.0.2/");
        return shell.world().segment("net0").orElseThrow().capture();
    }

    /**
     * {@code @tcpdump SEGMENT ARGS}: options and a filter expression over frames of
     * every kind. The result is output or tcpdump's error, or the report that
     * lvsunit does not model an option; nothing else.
     */
    @FuzzTest
    void tcpdump(byte[] data) {
        String line = Answered.line(data).strip();
        List<String> words = line.isEmpty() ? List.of() : Arrays.asList(line.split(" +"));
        try {
            Execution e = Tcpdump.dump(FRAMES, words);
            if (e.exitStatus() != 0 && e.output().isEmpty()) {
                throw new AssertionError("tcpdump failed without a word for: " + line);
            }
        } catch (NotSupportedException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("not supported, without saying what, for: " + line, e);
            }
        }
    }

    /** Several lines on one world, each on the host its {@code HOST# } prefix names (h without one). */
    @FuzzTest
    void session(byte[] data) {
        Shell shell = SmallWorld.create();
        String[] lines = Answered.text(data).split("\n", 16);
        for (String raw : lines) {
            String host = "h";
            String line = raw;
            int prompt = raw.indexOf("# ");
            if (prompt > 0 && raw.substring(0, prompt).matches("[hrg]")) {
                host = raw.substring(0, prompt);
                line = raw.substring(prompt + 2);
            }
            Answered.run(shell, host, line.length() > Answered.MAX_LINE ? line.substring(0, Answered.MAX_LINE) : line);
        }
    }
}
