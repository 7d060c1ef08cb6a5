package dev.lvsunit.tools.ip;

import dev.lvsunit.tools.spi.Command;
import java.util.Map;

/** The programs of iproute2's ip. */
public final class IpCommands {

    private IpCommands() {
    }

    /** The programs of this package, by name: {@code ip}. */
    public static Map<String, Command> commands() {
        return Map.of("ip", Ip::run);
    }
}
