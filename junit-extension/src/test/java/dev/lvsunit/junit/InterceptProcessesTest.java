package dev.lvsunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@LvsTest(topology = DrTopology.class)
@InterceptProcesses("director")
class InterceptProcessesTest {

    @Named("director")
    Host director;

    @Test
    void theTestsProcessesRunOnTheNamedHost() throws Exception {
        Process p = new ProcessBuilder("ip", "-4", "addr", "show", "dev", "eth0").start();

        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("inet 192.168.0.2/24").contains("inet 192.168.0.101/32");
        assertThat(p.exitValue()).isZero();
    }

    @Test
    @InterceptProcesses("client")
    void aMethodCanNameAnotherHost() throws Exception {
        Process p = new ProcessBuilder("ip", "-4", "addr", "show", "dev", "eth0").start();

        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("192.168.0.50/24");
    }

    @AfterEach
    void stillBoundInAfterEach() throws Exception {
        assertThat(new ProcessBuilder("frobnicate").start().waitFor()).isEqualTo(127);
    }
}
