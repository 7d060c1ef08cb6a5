package dev.lvsunit.tools.iputils;

import dev.lvsunit.tools.spi.Command;
import java.util.Map;

/** The programs of iputils: ping, arping. */
public final class IputilsCommands {

    private IputilsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        return Map.of();
    }
}
