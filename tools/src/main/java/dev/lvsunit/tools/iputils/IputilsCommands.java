package dev.lvsunit.tools.iputils;

import dev.lvsunit.tools.spi.Command;
import java.util.LinkedHashMap;
import java.util.Map;

/** The programs of iputils 20221126: {@code ping} and {@code arping}. */
public final class IputilsCommands {

    private IputilsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        Map<String, Command> map = new LinkedHashMap<>();
        map.put("ping", Ping::run);
        map.put("arping", Arping::run);
        return map;
    }
}
