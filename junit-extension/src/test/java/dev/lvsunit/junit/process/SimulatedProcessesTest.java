package dev.lvsunit.junit.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.engine.net.Ipv4Address;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedProcessesTest {

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Lab lab() {
        Lab lab = Lab.create();
        lab.lan("net0", lab.host("director"), lab.host("client"));
        return lab;
    }

    @Test
    void processBuilderRunsTheToolOnTheSimulatedHost() throws Exception {
        Lab lab = lab();
        Host director = lab.host("director");

        try (SimulatedProcesses sim = SimulatedProcesses.on(director)) {
            Process add = new ProcessBuilder("/sbin/ip", "addr", "add", "192.168.0.2/24", "dev", "eth0").start();
            assertThat(add.waitFor()).isZero();
            Process show = new ProcessBuilder("ip", "-4", "addr", "show", "dev", "eth0").start();
            assertThat(output(show)).contains("inet 192.168.0.2/24 scope global eth0");
            Process bad = new ProcessBuilder("ip", "addr", "add", "192.168.0.2/24", "dev", "eth0").start();
            assertThat(bad.waitFor()).isEqualTo(2);
            assertThat(output(bad)).isEqualTo("Error: ipv4: Address already assigned.\n");
            assertThat(sim.started()).hasSize(3);
        }

        assertThat(director.eth0().addresses()).extracting(a -> a.local())
                .containsExactly(Ipv4Address.parse("192.168.0.2"));
        assertThat(lab.transcript().render()).contains("director# ip addr add 192.168.0.2/24 dev eth0\n"
                + "director# ip -4 addr show dev eth0\n");
    }

    @Test
    void runtimeExecIsInterceptedToo() throws Exception {
        Lab lab = lab();
        try (SimulatedProcesses sim = SimulatedProcesses.on(lab.host("client"))) {
            Process p = Runtime.getRuntime().exec(new String[] {"frobnicate", "--now"});
            assertThat(p.waitFor()).isEqualTo(127);
            assertThat(output(p)).isEqualTo("bash: frobnicate: command not found\n");
            assertThat(sim.started()).extracting(r -> r.commandLine()).containsExactly("frobnicate --now");
        }
    }

    @Test
    void otherThreadsAndClosedBindingsStartRealProcesses() throws Exception {
        Lab lab = lab();
        AtomicReference<String> elsewhere = new AtomicReference<>();
        try (SimulatedProcesses sim = SimulatedProcesses.on(lab.host("client"))) {
            Thread inherited = new Thread(() -> {
                try {
                    elsewhere.set(output(new ProcessBuilder("echo", "simulated").start()));
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            inherited.start();
            inherited.join();
            assertThat(elsewhere.get()).isEqualTo("simulated\n");
            assertThat(sim.started()).hasSize(1);
        }
        Process real = new ProcessBuilder("/bin/echo", "real").start();
        assertThat(output(real)).isEqualTo("real\n");
        assertThat(real.pid()).isPositive();
    }

    @Test
    void passThroughProgramsStartForReal() throws Exception {
        Lab lab = lab();
        try (SimulatedProcesses sim = SimulatedProcesses.on(lab.host("client"), "uname")) {
            assertThat(output(new ProcessBuilder("uname", "-s").start())).isEqualTo("Linux\n");
            assertThat(sim.started()).isEmpty();
        }
    }

    @Test
    void outputRedirectedToAFileGoesThere(@TempDir Path dir) throws Exception {
        Lab lab = lab();
        Path file = dir.resolve("out.txt");
        try (SimulatedProcesses sim = SimulatedProcesses.on(lab.host("client"))) {
            Process p = new ProcessBuilder("echo", "to a file").redirectOutput(file.toFile()).start();
            assertThat(p.getInputStream().read()).isEqualTo(-1);
            assertThat(sim.host().name()).isEqualTo("client");
        }
        assertThat(Files.readString(file)).isEqualTo("to a file\n");
    }
}
