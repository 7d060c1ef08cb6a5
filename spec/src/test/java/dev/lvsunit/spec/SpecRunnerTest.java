package dev.lvsunit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.backend.BackendException;
import org.junit.jupiter.api.Test;

class SpecRunnerTest {

    private static final String ARPING = """
            @lan net0 client director rs1
            director# ip addr add 192.168.0.2/24 dev eth0
            client# arping -c 1 -I eth0 192.168.0.101
            ARPING 192.168.0.101 from 192.168.0.50 eth0
            Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  *ms (glob)
            Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  *ms (glob)
            Sent 1 probes (1 broadcast(s))
            Received 2 response(s)
            [1]
            """;

    private final FakeBackend backend = new FakeBackend();

    private SpecResult run(String name, String text) {
        return new SpecRunner(backend).run(Spec.parse(name, text));
    }

    @Test
    void passingSpecFeedsTheSessionInOrderWithResolvedMembers() {
        backend.answer("director# ip addr add 192.168.0.2/24 dev eth0", "")
                .answer("client# arping -c 1 -I eth0 192.168.0.101", """
                        ARPING 192.168.0.101 from 192.168.0.50 eth0
                        Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.573ms
                        Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.601ms
                        Sent 1 probes (1 broadcast(s))
                        Received 2 response(s)
                        """, 1);
        SpecResult result = run("arp.lvs", ARPING);
        assertThat(result.passed()).isTrue();
        assertThat(result.mismatches()).isEmpty();
        assertThat(result.report()).isEqualTo("PASS arp.lvs\n");
        assertThat(backend.calls).containsExactly(
                "lan net0 client:eth0=02:00:00:00:01:01 director:eth0=02:00:00:00:02:01 rs1:eth0=02:00:00:00:03:01",
                "director# ip addr add 192.168.0.2/24 dev eth0",
                "client# arping -c 1 -I eth0 192.168.0.101");
        assertThat(backend.opened).isEqualTo(1);
        assertThat(backend.closed).isEqualTo(1);
    }

    @Test
    void hostNeverCreatedIsCreatedBeforeItsFirstCommandOnly() {
        backend.answer("solo# true", "").answer("solo# false", "", 1).answer("a# true", "");
        SpecResult result = run("h.lvs", "solo# true\nsolo# false\n[1]\n@lan n a\na# true\n");
        assertThat(result.passed()).isTrue();
        assertThat(backend.calls).containsExactly("host solo", "solo# true", "solo# false",
                "lan n a:eth0=02:00:00:00:02:01", "a# true");
    }

    @Test
    void everyMismatchIsReportedWithLocationAndDiffAndTheRunGoesOn() {
        backend.answer("h# one", "1\n").answer("h# two", "2\n").answer("h# three", "three\n", 3);
        SpecResult result = run("m.lvs", "h# one\nONE\nh# two\n2\nh# three\nthree\n");
        assertThat(result.passed()).isFalse();
        assertThat(result.error()).isEmpty();
        assertThat(result.mismatches()).extracting(Mismatch::location).containsExactly("m.lvs:1", "m.lvs:5");
        assertThat(result.mismatches()).extracting(Mismatch::command).containsExactly("h# one", "h# three");
        assertThat(result.mismatches().get(0).diff()).isEqualTo("""
                --- expected
                +++ actual
                @@ -2,1 +1,1 @@
                -ONE
                +1
                """);
        assertThat(result.report()).isEqualTo("""
                FAIL m.lvs
                  m.lvs:1: h# one
                    --- expected
                    +++ actual
                    @@ -2,1 +1,1 @@
                    -ONE
                    +1
                  m.lvs:5: h# three
                    --- expected
                    +++ actual
                    @@ -6,1 +1,2 @@
                     three
                    +[3]
                """);
    }

    @Test
    void commandWithoutBlockMustPrintNothingAndExitZero() {
        SpecResult result = run("n.lvs", "h# nosuchcommand\n");
        assertThat(result.mismatches()).hasSize(1);
        assertThat(result.mismatches().get(0).diff()).contains("+bash: nosuchcommand: command not found\n+[127]\n");
    }

    @Test
    void tcpdumpOutputIsCheckedLikeACommand() {
        backend.answer("@tcpdump net0 -e arp", "00:00:00.000000 ARP, Request who-has 10.0.0.1 tell 10.0.0.2, length 28\n");
        SpecResult result = run("t.md", """
                Text.

                ```lvs
                @lan net0 a b
                @tcpdump net0 -e arp
                ??:??:??.?????? ARP, Request who-has 10.0.0.1 tell 10.0.0.2, length 28 (glob)
                ```
                """);
        assertThat(result.passed()).isTrue();
        assertThat(backend.calls).contains("@tcpdump net0 -e arp");
    }

    @Test
    void backendExceptionStopsTheRunAndTheSessionIsClosed() {
        backend.failOn = "h# two";
        backend.failure = new BackendException("segment net0: impossible");
        backend.answer("h# one", "x\n");
        SpecResult result = run("e.lvs", "h# one\ny\nh# two\nh# three\n");
        assertThat(result.passed()).isFalse();
        assertThat(result.mismatches()).extracting(Mismatch::location).containsExactly("e.lvs:1");
        assertThat(result.error()).contains("e.lvs:3: segment net0: impossible");
        assertThat(result.errorCause()).containsSame(backend.failure);
        assertThat(backend.calls).doesNotContain("h# three");
        assertThat(backend.closed).isEqualTo(1);
        assertThat(result.report()).endsWith("  e.lvs:3: segment net0: impossible\n");
    }

    @Test
    void crashOfTheBackendIsAnErrorNotAnException() {
        backend.failOn = "h# one";
        backend.failure = new IllegalStateException("bug");
        SpecResult result = run("c.lvs", "h# one\n");
        assertThat(result.error()).contains("c.lvs:1: internal error in the backend: java.lang.IllegalStateException: bug");
        assertThat(backend.closed).isEqualTo(1);
    }

    @Test
    void worldThatCannotBeMadeIsAnError() {
        backend.failOpen = new BackendException("not root: network namespaces need CAP_SYS_ADMIN");
        SpecResult result = run("r.lvs", "h# true\n");
        assertThat(result.passed()).isFalse();
        assertThat(result.error()).contains("r.lvs: not root: network namespaces need CAP_SYS_ADMIN");
    }

    @Test
    void trailingSpacesAndMissingFinalNewlineDoNotMatter() {
        backend.answer("h# x", "a   \nb");
        assertThat(run("s.lvs", "h# x\na\nb  \n").passed()).isTrue();
    }

    @Test
    void trailingBlankOutputLineMustBeExpected() {
        backend.answer("h# x", "a\n\n");
        assertThat(run("b.lvs", "h# x\na\n\n").passed()).isFalse();
        assertThat(run("b.lvs", "h# x\na\n (glob)\n").passed()).isTrue();
    }
}
