package dev.lvsunit.tools.spi;

import dev.lvsunit.tools.ip.IpCommands;
import dev.lvsunit.tools.iputils.IputilsCommands;
import dev.lvsunit.tools.nettools.NetToolsCommands;
import dev.lvsunit.tools.procps.ProcpsCommands;
import dev.lvsunit.tools.shell.ShellCommands;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every program the shell knows, by name. Each package registers its own. */
public final class Commands {

    private Commands() {
    }

    public static Map<String, Command> all() {
        Map<String, Command> map = new LinkedHashMap<>();
        map.putAll(ShellCommands.commands());
        map.putAll(IpCommands.commands());
        map.putAll(NetToolsCommands.commands());
        map.putAll(ProcpsCommands.commands());
        map.putAll(IputilsCommands.commands());
        map.putAll(dev.lvsunit.tools.ipvs.IpvsCommands.commands());
        return Collections.unmodifiableMap(map);
    }
}
