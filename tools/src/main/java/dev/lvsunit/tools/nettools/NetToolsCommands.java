package dev.lvsunit.tools.nettools;

import dev.lvsunit.tools.spi.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** The programs of net-tools 2.10: ifconfig, route, arp. */
public final class NetToolsCommands {

    private NetToolsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        Map<String, Command> map = new LinkedHashMap<>();
        map.put("ifconfig", new IfconfigCommand());
        map.put("route", new RouteCommand());
        map.put("arp", new ArpCommand());
        return map;
    }
}
