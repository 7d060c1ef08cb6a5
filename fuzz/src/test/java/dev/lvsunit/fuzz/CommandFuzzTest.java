package dev.lvsunit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lvsunit.tools.Shell;

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
