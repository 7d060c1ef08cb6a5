package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.backend.LanMember;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static TranscriptParser.Result parse(String text) {
        return TranscriptParser.parse(TranscriptSource.of(SourceText.of("t.lvs", text)));
    }

    private static Transcript valid(String text) {
        TranscriptParser.Result result = parse(text);
        assertThat(result.problems()).isEmpty();
        return result.transcript();
    }

    private static List<Problem> problems(String text) {
        return parse(text).problems();
    }

    @Test
    void commandsWithHashOrDollarAndTheirOutputBlocks() {
        Transcript t = valid("""
                # a comment
                client# ip addr show dev lo
                line 1

                line 3


                web-1.example$   ping -c 1 10.0.0.1  \s
                #not a comment: output
                """);
        assertThat(t.steps()).hasSize(2);
        Step.Command first = (Step.Command) t.steps().get(0);
        assertThat(first.host()).isEqualTo("client");
        assertThat(first.commandLine()).isEqualTo("ip addr show dev lo");
        assertThat(first.line().number()).isEqualTo(2);
        assertThat(first.block().expected()).extracting(ExpectedLine::source)
                .containsExactly("line 1", "", "line 3");
        assertThat(first.block().exitStatus()).isZero();
        Step.Command second = (Step.Command) t.steps().get(1);
        assertThat(second.host()).isEqualTo("web-1.example");
        assertThat(second.commandLine()).isEqualTo("ping -c 1 10.0.0.1");
        assertThat(second.block().expected()).extracting(ExpectedLine::source).containsExactly("#not a comment: output");
        assertThat(t.hosts()).containsExactly("client", "web-1.example");
    }

    @Test
    void aCommentEndsTheBlockAndACommandWithoutBlockExpectsNothing() {
        Transcript t = valid("h# true\n# c\nh# false\n[1]\n");
        Step.Command first = (Step.Command) t.steps().get(0);
        assertThat(first.block().expected()).isEmpty();
        assertThat(first.block().exitStatus()).isZero();
        Step.Command second = (Step.Command) t.steps().get(1);
        assertThat(second.block().expected()).isEmpty();
        assertThat(second.block().exitStatus()).isEqualTo(1);
        assertThat(second.block().exitLineNumber()).isEqualTo(4);
    }

    @Test
    void exitStatusOnlyOnTheLastLineBlankLinesBeforeItAreExpected() {
        Transcript t = valid("h# x\n[2]\nout\n\n[127]\n\n");
        Step.Command c = (Step.Command) t.steps().get(0);
        assertThat(c.block().expected()).extracting(ExpectedLine::source).containsExactly("[2]", "out", "");
        assertThat(c.block().exitStatus()).isEqualTo(127);
    }

    @Test
    void expectedLineForms() {
        Transcript t = valid("h# x\nplain  \na.*b (re)\na*b (glob)\n...\n");
        List<ExpectedLine> lines = ((Step.Command) t.steps().get(0)).block().expected();
        assertThat(lines.get(0)).isInstanceOf(ExpectedLine.Literal.class);
        assertThat(lines.get(0).source()).isEqualTo("plain");
        assertThat(lines.get(1)).isInstanceOf(ExpectedLine.Regex.class);
        assertThat(lines.get(2)).isInstanceOf(ExpectedLine.Wildcard.class);
        assertThat(lines.get(3)).isInstanceOf(ExpectedLine.Ellipsis.class);
    }

    @Test
    void hostWithoutSpaceAfterPromptIsOutput() {
        Transcript t = valid("h# cat -A f\nline$\nh#x\n");
        assertThat(((Step.Command) t.steps().get(0)).block().expected()).extracting(ExpectedLine::source)
                .containsExactly("line$", "h#x");
    }

    @Test
    void defaultMacsNumberHostsByFirstAppearanceAndInterfacesByCreation() {
        Transcript t = valid("""
                director# true
                @lan net0 client director:eth0 rs1
                @lan net1 director:eth1 rs1:eth1=02:AA:BB:CC:DD:EE client:eth1
                @lan net2 rs1:eth2
                """);
        Step.Lan net0 = (Step.Lan) t.steps().get(1);
        assertThat(net0.members()).containsExactly(
                new LanMember("client", "eth0", "02:00:00:00:02:01"),
                new LanMember("director", "eth0", "02:00:00:00:01:01"),
                new LanMember("rs1", "eth0", "02:00:00:00:03:01"));
        Step.Lan net1 = (Step.Lan) t.steps().get(2);
        assertThat(net1.members()).containsExactly(
                new LanMember("director", "eth1", "02:00:00:00:01:02"),
                new LanMember("rs1", "eth1", "02:aa:bb:cc:dd:ee"),
                new LanMember("client", "eth1", "02:00:00:00:02:02"));
        Step.Lan net2 = (Step.Lan) t.steps().get(3);
        assertThat(net2.members()).containsExactly(new LanMember("rs1", "eth2", "02:00:00:00:03:03"));
        assertThat(t.hosts()).containsExactly("director", "client", "rs1");
    }

    @Test
    void specFormatExample() {
        Transcript t = valid("@lan net0 client director\n");
        assertThat(((Step.Lan) t.steps().get(0)).members()).extracting(LanMember::mac)
                .containsExactly("02:00:00:00:01:01", "02:00:00:00:02:01");
    }

    @Test
    void hostNumbersAreHexadecimal() {
        StringBuilder text = new StringBuilder("@lan net0");
        for (int i = 1; i <= 11; i++) {
            text.append(" h").append(i);
        }
        Transcript t = valid(text + "\n");
        assertThat(((Step.Lan) t.steps().get(0)).members().get(10).mac()).isEqualTo("02:00:00:00:0b:01");
    }

    @Test
    void tcpdumpDirectiveWithShellWordsAndOutput() {
        Transcript t = valid("@lan net0 a b\n@tcpdump net0 -e 'arp or icmp'\n00:00:00.000000 ARP (glob)\n");
        Step.Tcpdump dump = (Step.Tcpdump) t.steps().get(1);
        assertThat(dump.segment()).isEqualTo("net0");
        assertThat(dump.arguments()).containsExactly("-e", "arp or icmp");
        assertThat(dump.block().expected()).hasSize(1);
    }

    @Test
    void unknownDirective() {
        assertThat(problems("@switch net0 a\n")).containsExactly(
                new Problem(1, "unknown directive @switch (known: @lan, @tcpdump)"));
    }

    @Test
    void badLanMembers() {
        assertThat(problems("""
                @lan net0 a:eth0=zz:00:00:00:00:01
                @lan net1 1host
                @lan net2 a:lo
                @lan net3 a:eth1=01:00:5e:00:00:01
                @lan net4 a:averyveryverylongname
                @lan net5
                """)).extracting(Problem::line).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(problems("@lan net0 1host\n").get(0).message())
                .isEqualTo("@lan: bad member '1host': expected HOST, HOST:IF or HOST:IF=MAC");
    }

    @Test
    void anInterfaceJoinsAtMostOneSegmentAndSegmentsAreDefinedOnce() {
        assertThat(problems("@lan net0 a b\n@lan net1 a:eth0\n@lan net0 c\n")).containsExactly(
                new Problem(2, "@lan: a:eth0 is already on segment net0 (an interface joins at most one segment)"),
                new Problem(3, "@lan: segment net0 is already defined at line 1"));
    }

    @Test
    void zeroAndOutOfRangeExitStatus() {
        assertThat(problems("h# true\n[0]\nh# x\n[256]\n")).containsExactly(
                new Problem(2, "[0] is not allowed: without [N] a command must exit 0"),
                new Problem(4, "exit status 256 is out of range (1-255)"));
    }

    @Test
    void outputBeforeAnyCommandAndUnderAComment() {
        assertThat(problems("\nstray\nstray too\nh# true\n# c\norphan\n")).containsExactly(
                new Problem(2, "output line before any command or directive"),
                new Problem(6, "output line under a comment: a comment ends the output block above it, "
                        + "so this line belongs to no command"));
    }

    @Test
    void badRegularExpression() {
        List<Problem> problems = problems("h# x\nok\nfoo( (re)\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).startsWith("bad regular expression: ");
    }

    @Test
    void outputUnderLanAndTcpdumpOfUnknownSegment() {
        assertThat(problems("@lan net0 a\nsurprise\n@tcpdump net9\n")).containsExactly(
                new Problem(2, "output line under @lan, which prints nothing"),
                new Problem(3, "@tcpdump: no segment net9 (an @lan line above must define it)"));
    }

    @Test
    void emptyCommand() {
        assertThat(problems("h#   \n")).containsExactly(new Problem(1, "empty command after h#"));
    }
}
