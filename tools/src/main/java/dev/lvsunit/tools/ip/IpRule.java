package dev.lvsunit.tools.ip;

import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;

/**
 * {@code ip rule} ({@code ip/iprule.c}), listing only: lvsunit hosts have the
 * three rules every IPv4 namespace starts with and no way to change them.
 */
final class IpRule {

    private final CommandContext ctx;

    IpRule(CommandContext ctx) {
        this.ctx = ctx;
    }

    int run(Args args) {
        if (args.hasNext()) {
            String cmd = args.current();
            args.advance();
            boolean list = Args.matches(cmd, "list") || Args.matches(cmd, "show") || Args.matches(cmd, "lst");
            if (!list || args.hasNext()) {
                throw new NotSupportedException("ip rule " + cmd);
            }
        }
        ctx.out().println("0:\tfrom all lookup local");
        ctx.out().println("32766:\tfrom all lookup main");
        ctx.out().println("32767:\tfrom all lookup default");
        return 0;
    }
}
