package dev.lvsunit.tools.nettools;

import dev.lvsunit.tools.spi.Command;
import java.util.Map;

/** The programs of net-tools: ifconfig, route, arp. */
public final class NetToolsCommands {

    private NetToolsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        return Map.of();
    }
}
