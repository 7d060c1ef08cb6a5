package dev.lvsunit.tools.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.Test;

/** curl 7.88.1 against serve: bodies, exit statuses, error texts, virtual time taken. */
class CurlTest {

    final Lab lab = new Lab();

    CurlTest() {
        lab.host("client", "10.0.0.10/24");
        lab.host("web", "10.0.0.11/24");
        lab.run("web", "serve 80 hello");
    }

    @Test
    void bodyOnStandardOutput() {
        Execution e = lab.run("client", "curl -s http://10.0.0.11/");
        assertThat(e.output()).isEqualTo("hello\n");
        assertThat(e.exitStatus()).isZero();
        assertThat(lab.run("client", "curl 10.0.0.11").output()).isEqualTo("hello\n");
    }

    @Test
    void refused() {
        Execution silent = lab.run("client", "curl -s http://10.0.0.11:81/");
        assertThat(silent.output()).isEmpty();
        assertThat(silent.exitStatus()).isEqualTo(7);
        Execution shown = lab.run("client", "curl -sS http://10.0.0.11:81/");
        assertThat(shown.output()).isEqualTo(
                "curl: (7) Failed to connect to 10.0.0.11 port 81 after 0 ms: Couldn't connect to server\n");
    }

    /** No host at the address: ARP fails after 3 probes, ICMP host unreachable ends connect(): exit 7. */
    @Test
    void hostUnreachable() {
        long start = lab.world.now();
        Execution e = lab.run("client", "curl -s http://10.0.0.99/");
        assertThat(e.exitStatus()).isEqualTo(7);
        assertThat(lab.world.now() - start).isBetween(3_000_000_000L, 3_200_000_000L);
    }

    /** -m ends the wait: exit 28 with the 7.88 wording for the connect phase. */
    @Test
    void maxTime() {
        lab.host("silent", "10.0.0.12/24").ip().registerLocalIn((p, in) -> true);
        long start = lab.world.now();
        Execution e = lab.run("client", "curl -S -s -m 2 http://10.0.0.12/");
        assertThat(e.exitStatus()).isEqualTo(28);
        assertThat(e.output()).isEqualTo("curl: (28) Connection timed out after 2000 milliseconds\n");
        assertThat(lab.world.now() - start).isBetween(2_000_000_000L, 2_100_000_000L);
    }

    /** Without -m the kernel gives up first: tcp_syn_retries 6 is 127 s, before curl's 300 s. */
    @Test
    void kernelTimeoutBeforeCurls() {
        lab.host("silent", "10.0.0.12/24").ip().registerLocalIn((p, in) -> true);
        long start = lab.world.now();
        Execution e = lab.run("client", "curl -s http://10.0.0.12/");
        assertThat(e.exitStatus()).isEqualTo(7);
        assertThat(lab.world.now() - start).isBetween(127_000_000_000L, 127_100_000_000L);
    }

    @Test
    void badInput() {
        assertThat(lab.run("client", "curl -s http://web/").exitStatus()).isEqualTo(6);
        assertThat(lab.run("client", "curl http://web/").output()).isEqualTo("curl: (6) Could not resolve host: web\n");
        Execution none = lab.run("client", "curl");
        assertThat(none.exitStatus()).isEqualTo(2);
        assertThat(none.output()).startsWith("curl: no URL specified!\n");
    }

    @Test
    void serveReplacesItsText() {
        lab.run("web", "serve 80 'hello again'");
        assertThat(lab.run("client", "curl -s http://10.0.0.11/").output()).isEqualTo("hello again\n");
    }
}
