package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

class ExpectedLineTest {

    private static boolean matches(String expected, String actual) {
        return ExpectedLine.parse(expected).matches(actual);
    }

    @Test
    void literalIgnoresTrailingSpacesOnBothSides() {
        assertThat(matches("10.0.0.1 dev eth0 lladdr 02:00:00:00:01:01 REACHABLE", "10.0.0.1 dev eth0 lladdr 02:00:00:00:01:01 REACHABLE ")).isTrue();
        assertThat(matches("a   ", "a")).isTrue();
        assertThat(matches("a", " a")).isFalse();
        assertThat(matches("a", "a\t")).isFalse();
        assertThat(matches("", "   ")).isTrue();
    }

    @Test
    void globStarQuestionMarkAndEscapes() {
        assertThat(matches("time=* ms (glob)", "time=0.052 ms")).isTrue();
        assertThat(matches("time=* ms (glob)", "time= ms")).isTrue();
        assertThat(matches("time=* ms (glob)", "time=0.052 ms extra")).isFalse();
        assertThat(matches("??:??:??.?????? ARP (glob)", "00:00:01.000123 ARP")).isTrue();
        assertThat(matches("??:??:??.?????? ARP (glob)", "0:00:01.000123 ARP")).isFalse();
        assertThat(matches("a\\*b (glob)", "a*b")).isTrue();
        assertThat(matches("a\\*b (glob)", "axb")).isFalse();
        assertThat(matches("a\\?b (glob)", "a?b")).isTrue();
        assertThat(matches("a\\?b (glob)", "axb")).isFalse();
        assertThat(matches("c:\\\\x (glob)", "c:\\x")).isTrue();
        assertThat(matches("\\d (glob)", "\\d")).isTrue();
        assertThat(matches("[a.b] (glob)", "[a.b]")).isTrue();
        assertThat(matches("[a.b] (glob)", "[axb]")).isFalse();
    }

    @Test
    void globTextLosesTrailingSpacesLikeEveryLine() {
        assertThat(matches("abc   (glob)", "abc")).isTrue();
        assertThat(matches(" (glob)", "")).isTrue();
        assertThat(matches(" (glob)", "x")).isFalse();
    }

    @Test
    void regexMatchesTheWholeLine() {
        assertThat(matches("icmp_seq=\\d+ ttl=64 (re)", "icmp_seq=3 ttl=64")).isTrue();
        assertThat(matches("icmp_seq=\\d+ (re)", "icmp_seq=3 ttl=64")).isFalse();
        assertThat(matches("(REACHABLE|STALE) (re)", "STALE   ")).isTrue();
        assertThatThrownBy(() -> ExpectedLine.parse("[ (re)")).isInstanceOf(PatternSyntaxException.class);
    }

    @Test
    void suffixNeedsItsSpace() {
        assertThat(ExpectedLine.parse("a(glob)")).isInstanceOf(ExpectedLine.Literal.class);
        assertThat(ExpectedLine.parse("(re)")).isInstanceOf(ExpectedLine.Literal.class);
        assertThat(ExpectedLine.parse("....")).isInstanceOf(ExpectedLine.Literal.class);
        assertThat(ExpectedLine.parse("...  ")).isInstanceOf(ExpectedLine.Ellipsis.class);
    }
}
