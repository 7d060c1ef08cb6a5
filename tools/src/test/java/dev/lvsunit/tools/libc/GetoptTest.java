package dev.lvsunit.tools.libc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.World;
import dev.lvsunit.tools.spi.CommandContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * glibc's getopt and getopt_long as the tools call them; the error texts are
 * what ping, sysctl and arp print for the same words on the real system.
 */
class GetoptTest {

    private final World world = new World();
    private final CommandContext ctx = new CommandContext(world, world.addHost("h"));

    private static final List<Getopt.LongOption> LONGOPTS = List.of(
            new Getopt.LongOption("set", Getopt.Has.NO_ARGUMENT, 's'),
            new Getopt.LongOption("symbolic", Getopt.Has.NO_ARGUMENT, 'N'),
            new Getopt.LongOption("device", Getopt.Has.REQUIRED_ARGUMENT, 'i'),
            new Getopt.LongOption("load", Getopt.Has.OPTIONAL_ARGUMENT, 'p'));

    /** Every option as {@code c} or {@code c=ARG}, then {@code | operands}. */
    private static String all(Getopt g) {
        List<String> out = new ArrayList<>();
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            out.add((char) o.val() + (o.argument() == null ? "" : "=" + o.argument()));
        }
        return String.join(" ", out) + " | " + String.join(" ", g.operands());
    }

    @Test
    void operandsMayComeFirstAndClustersTakeTheirArgumentFromTheRestOrTheNextWord() {
        Getopt g = Getopt.getopt(ctx, "ping", List.of("10.0.0.1", "-qc1", "-i", "0.2", "-", "--", "-w", "x"), "qc:i:w:");
        assertThat(all(g)).isEqualTo("q c=1 i=0.2 | 10.0.0.1 - -w x");
        assertThat(ctx.output()).isEmpty();
    }

    @Test
    void anOptionalArgumentIsOnlyTheRestOfItsWord() {
        Getopt g = Getopt.getoptLong(ctx, "sysctl", List.of("-p", "file", "-pother", "--load=x", "--load", "y"), "p::",
                LONGOPTS);
        assertThat(all(g)).isEqualTo("p p=other p=x p | file y");
    }

    @Test
    void longOptionsMayBeAbbreviatedToAUniquePrefix() {
        Getopt g = Getopt.getoptLong(ctx, "arp", List.of("--dev", "eth0", "--se", "--device=eth1"), "i:s", LONGOPTS);
        assertThat(all(g)).isEqualTo("i=eth0 s i=eth1 | ");
    }

    @Test
    void errorsArePrintedWithGlibcsTextsAndComeBackAsQuestionMarks() {
        Getopt g = Getopt.getoptLong(ctx, "arp", List.of("--s", "--foo", "--set=1", "-Z", "--device"), "s",
                LONGOPTS);
        assertThat(all(g)).isEqualTo("? ? ? ? ? | ");
        assertThat(ctx.output()).isEqualTo("""
                arp: option '--s' is ambiguous; possibilities: '--set' '--symbolic'
                arp: unrecognized option '--foo'
                arp: option '--set' doesn't allow an argument
                arp: invalid option -- 'Z'
                arp: option '--device' requires an argument
                """);
    }

    @Test
    void withoutLongOptionsADoubleDashWordIsAClusterOfShortOptions() {
        Getopt g = Getopt.getopt(ctx, "ping", List.of("--foo", "-c"), "c:fo");
        assertThat(all(g)).isEqualTo("? f o o ? | ");
        assertThat(ctx.output()).isEqualTo("ping: invalid option -- '-'\nping: option requires an argument -- 'c'\n");
    }

    @Test
    void anOptionIsOnlyLookedAtWhenAskedFor() {
        Getopt g = Getopt.getoptLong(ctx, "sysctl", List.of("-h", "-Z"), "h", LONGOPTS);
        assertThat(g.next()).isEqualTo(new Getopt.Opt('h', null));
        // sysctl exits at -h: the invalid -Z is never reported
        assertThat(ctx.output()).isEmpty();
    }
}
