package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.ipvs.IpipTunnel;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;

/**
 * {@code modprobe MODULE} for the modules LVS setups load: {@code ip_vs} and
 * its schedulers ({@code ip_vs_rr}, {@code ip_vs_wlc}, ...), which load IPVS
 * on the host, and {@code ipip}, which creates the {@code tunl0} device a
 * LVS-TUN real server needs. Loading prints nothing and is idempotent.
 */
final class Modprobe {

    private Modprobe() {
    }

    static int run(CommandContext ctx, List<String> args) {
        List<String> modules = args.stream().filter(a -> !a.equals("--")).toList();
        for (String a : modules) {
            if (a.startsWith("-")) {
                throw new NotSupportedException("modprobe " + a);
            }
        }
        if (modules.isEmpty()) {
            ctx.err().println("modprobe: ERROR: missing parameters. See -h.");
            return 1;
        }
        String module = modules.get(0).replace('-', '_');
        if (module.equals("ip_vs") || module.startsWith("ip_vs_")) {
            ctx.host().ipvs();
            return 0;
        }
        if (module.equals("ipip")) {
            IpipTunnel.load(ctx.host());
            return 0;
        }
        throw new NotSupportedException("modprobe " + modules.get(0));
    }
}
