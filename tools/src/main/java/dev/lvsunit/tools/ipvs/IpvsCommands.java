package dev.lvsunit.tools.ipvs;

import dev.lvsunit.tools.spi.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LVS userland: {@code ipvsadm}, {@code curl}, {@code serve} (the spec
 * format's HTTP server) and {@code modprobe} for {@code ip_vs} and {@code ipip}.
 */
public final class IpvsCommands {

    private IpvsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        Map<String, Command> map = new LinkedHashMap<>();
        map.put("ipvsadm", (ctx, args) -> new Ipvsadm(ctx, "ipvsadm").run(args));
        map.put("curl", Curl::run);
        map.put("serve", HttpServe::run);
        map.put("modprobe", Modprobe::run);
        return map;
    }
}
