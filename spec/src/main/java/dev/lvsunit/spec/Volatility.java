package dev.lvsunit.spec;

import dev.lvsunit.spec.format.ExpectedLine;
import dev.lvsunit.spec.format.Glob;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the fields of real tool output that differ from run to run into globs,
 * so that a transcript recorded on real hosts passes again on real hosts and
 * on the engine.
 *
 * <p>Only fields that really vary between runs of the same scenario are
 * touched, and only for the tools that print them:
 * <table>
 *   <caption>volatile fields</caption>
 *   <tr><th>tool</th><th>field</th><th>example</th><th>written as</th></tr>
 *   <tr><td>ping</td><td>round-trip time</td><td>{@code time=0.052 ms}</td><td>{@code time=* ms}</td></tr>
 *   <tr><td>ping</td><td>rtt summary</td><td>{@code rtt min/avg/max/mdev = 0.066/0.200/0.444/0.172 ms}</td>
 *       <td>{@code rtt min/avg/max/mdev = * ms}</td></tr>
 *   <tr><td>ping</td><td>duration in the statistics, when not 0</td><td>{@code time 1001ms}</td>
 *       <td>{@code time *ms}</td></tr>
 *   <tr><td>arping</td><td>reply time</td><td>{@code   0.573ms}</td><td>{@code   *ms}</td></tr>
 *   <tr><td>tcpdump, {@code @tcpdump}</td><td>timestamp</td><td>{@code 03:42:43.730421}</td>
 *       <td>{@code ??:??:??.??????}</td></tr>
 *   <tr><td>tcpdump</td><td>ICMP echo identifier</td><td>{@code id 4461}</td><td>{@code id *}</td></tr>
 *   <tr><td>tcpdump</td><td>ephemeral ports (32768 and up)</td><td>{@code 10.0.0.10.43010}</td>
 *       <td>{@code 10.0.0.10.*}</td></tr>
 *   <tr><td>tcpdump</td><td>absolute sequence numbers of SYN segments</td><td>{@code seq 3397937624}</td>
 *       <td>{@code seq *}</td></tr>
 *   <tr><td>tcpdump</td><td>TCP timestamps (a zero echo stays)</td><td>{@code TS val 817069005 ecr 0}</td>
 *       <td>{@code TS val * ecr 0}</td></tr>
 *   <tr><td>tcpdump -v</td><td>IP identification, checksums</td><td>{@code id 4242, offset},
 *       {@code cksum 0x1c2d}</td><td>{@code id *, offset}, {@code cksum 0x*}</td></tr>
 *   <tr><td>ip</td><td>what a veth shows and a physical NIC does not: the peer index, its
 *       queueing discipline, the peer's namespace</td><td>{@code 2: eth0@if5: ... qdisc noqueue state},
 *       {@code brd ff:ff:ff:ff:ff:ff link-netns lvk1-0-s1}</td>
 *       <td>{@code 2: eth0*: ... qdisc * state}, {@code brd ff:ff:ff:ff:ff:ff*}</td></tr>
 * </table>
 * The last row is not variation between runs but between backends: the spec
 * format describes {@code @lan} interfaces as physical NICs, so a recording made
 * on veths globs what only veths print.
 * Everything else (addresses, MACs, counts, TTLs, relative TCP numbers, window
 * sizes) is kept: it is what a spec checks.
 */
public final class Volatility {

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
        static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex), m -> m.group(1) + replacement + (m.groupCount() > 1 ? m.group(2) : ""));
        }
    }

    private static final List<Rule> PING = List.of(
            Rule.of("(time=)\\d+(?:\\.\\d+)?( ms)", "*"),
            Rule.of("^(rtt min/avg/max/mdev = )\\d+\\.\\d+/\\d+\\.\\d+/\\d+\\.\\d+/\\d+\\.\\d+( ms)", "*"),
            Rule.of("(packet loss, time )[1-9]\\d*(ms)", "*"));

    private static final List<Rule> ARPING = List.of(
            Rule.of("^((?:Unicast|Broadcast) reply from .*  )\\d+\\.\\d+(ms)$", "*"));

    private static final List<Rule> IP = List.of(
            new Rule(Pattern.compile("^(\\d+: [^ @:]+)@if\\d+(: .* qdisc )\\S+( state .*)$"),
                    m -> m.group(1) + "*" + m.group(2) + "*" + m.group(3)),
            Rule.of("^([^ @]+)@if\\d+ +()", "* "),
            Rule.of("( brd ff:ff:ff:ff:ff:ff) link-netns \\S+()$", "*"));

    private static final Pattern SYN = Pattern.compile("Flags \\[[^\\]]*S[^\\]]*\\]");

    private static final List<Rule> TCPDUMP = List.of(
            Rule.of("^()\\d\\d:\\d\\d:\\d\\d\\.\\d{6}( )", "??:??:??.??????"),
            Rule.of("(ICMP echo (?:request|reply), id )\\d+(,)", "*"),
            new Rule(Pattern.compile("(?<![\\d.])(\\d+\\.\\d+\\.\\d+\\.\\d+)\\.(\\d+)(?![\\d.])"),
                    m -> Integer.parseInt(m.group(2)) >= 32768 ? m.group(1) + ".*" : m.group()),
            new Rule(Pattern.compile("(TS val )\\d+( ecr )(\\d+)"),
                    m -> m.group(1) + "*" + m.group(2) + (m.group(3).equals("0") ? "0" : "*")),
            Rule.of("(, id )\\d+(, offset)", "*"),
            Rule.of("(cksum 0x)[0-9a-f]+()", "*"));

    private static final List<Rule> TCPDUMP_SYN = List.of(
            Rule.of("(, seq )\\d+(,)", "*"),
            Rule.of("(, ack )\\d+(,)", "*"));

    private Volatility() {
    }

    /**
     * One output line of a command, with its volatile fields turned into
     * wildcards.
     *
     * @param commandLine the command as typed after {@code HOST#} (its first
     *     word names the tool), or a directive line such as
     *     {@code @tcpdump net0 -e}
     * @param line one line of the command's output
     * @return {@code line} itself when nothing in it varies; otherwise an
     *     expected line of the form {@code TEXT (glob)} that matches
     *     {@code line}, with {@code *}, {@code ?} and {@code \} of the fixed
     *     parts escaped
     */
    public static String globify(String commandLine, String line) {
        List<Rule> rules = switch (tool(commandLine)) {
            case "ping" -> PING;
            case "arping" -> ARPING;
            case "ip" -> IP;
            case "tcpdump" -> SYN.matcher(line).find() ? concat(TCPDUMP, TCPDUMP_SYN) : TCPDUMP;
            default -> List.of();
        };
        String escaped = Glob.escape(ExpectedLine.stripTrailingSpaces(line));
        String result = escaped;
        for (Rule rule : rules) {
            result = rule.pattern().matcher(result).replaceAll(m -> Matcher.quoteReplacement(rule.replacement().apply(m)));
        }
        return result.equals(escaped) ? line : result + ExpectedLine.GLOB_SUFFIX;
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String tool(String commandLine) {
        String first = commandLine.strip().split("\\s+", 2)[0];
        if (first.equals("@tcpdump")) {
            return "tcpdump";
        }
        return first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
