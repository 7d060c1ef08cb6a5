package dev.lvsunit.tools.procps;

import dev.lvsunit.tools.spi.Command;
import java.util.Map;

/** The programs of procps-ng 4.0.2: sysctl. */
public final class ProcpsCommands {

    private ProcpsCommands() {
    }

    /** The programs of this package, by name. */
    public static Map<String, Command> commands() {
        return Map.of("sysctl", new SysctlCommand());
    }
}
