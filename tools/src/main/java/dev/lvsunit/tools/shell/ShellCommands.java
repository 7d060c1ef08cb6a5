package dev.lvsunit.tools.shell;

import dev.lvsunit.engine.sysctl.SysctlException;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shell builtins and coreutils a spec uses: {@code echo} (also into
 * {@code /proc/sys}), {@code cat} of {@code /proc/sys} files, and
 * {@code sleep}, which advances the virtual clock.
 */
public final class ShellCommands {

    static final String PROC_SYS = "/proc/sys/";

    private ShellCommands() {
    }

    public static Map<String, Command> commands() {
        Map<String, Command> map = new LinkedHashMap<>();
        map.put("echo", ShellCommands::echo);
        map.put("cat", ShellCommands::cat);
        map.put("sleep", ShellCommands::sleep);
        return map;
    }

    /** bash's builtin echo; with {@code > /proc/sys/KEY} it writes the sysctl. */
    static int echo(CommandContext ctx, List<String> args) {
        boolean newline = true;
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("-n")) {
            newline = false;
            i = 1;
        }
        String text = String.join(" ", args.subList(i, args.size())) + (newline ? "\n" : "");
        String target = ctx.redirect();
        if (target == null) {
            ctx.out().print(text);
            return 0;
        }
        if (!target.startsWith(PROC_SYS)) {
            throw new NotSupportedException("writing to " + target);
        }
        String path = target.substring(PROC_SYS.length());
        try {
            ctx.host().sysctl().write(path, text);
            return 0;
        } catch (SysctlException e) {
            switch (e.errno()) {
                case ENOENT:
                    // bash cannot create a file in /proc/sys
                    ctx.err().println("bash: " + target + ": No such file or directory");
                    return 1;
                case EACCES:
                    ctx.err().println("bash: " + target + ": Permission denied");
                    return 1;
                default:
                    ctx.err().println("bash: echo: write error: Invalid argument");
                    return 1;
            }
        }
    }

    /** coreutils cat, for files under {@code /proc/sys}. */
    static int cat(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            throw new NotSupportedException("cat without a file");
        }
        int status = 0;
        for (String file : args) {
            if (!file.startsWith(PROC_SYS)) {
                throw new NotSupportedException("cat of " + file);
            }
            try {
                ctx.out().println(ctx.host().sysctl().read(file.substring(PROC_SYS.length())));
            } catch (SysctlException e) {
                ctx.err().println("cat: " + file + ": No such file or directory");
                status = 1;
            }
        }
        return status;
    }

    /** coreutils sleep: {@code sleep SECONDS} (decimals allowed) lets the world run. */
    static int sleep(CommandContext ctx, List<String> args) {
        if (args.isEmpty()) {
            ctx.err().println("sleep: missing operand");
            ctx.err().println("Try 'sleep --help' for more information.");
            return 1;
        }
        long total = 0;
        for (String a : args) {
            String number = a;
            long unit = 1_000_000_000L;
            if (!a.isEmpty()) {
                char last = a.charAt(a.length() - 1);
                if ("smhd".indexOf(last) >= 0) {
                    number = a.substring(0, a.length() - 1);
                    unit = last == 's' ? 1_000_000_000L : last == 'm' ? 60_000_000_000L
                            : last == 'h' ? 3_600_000_000_000L : 86_400_000_000_000L;
                }
            }
            BigDecimal value;
            try {
                if (!number.matches("[0-9]*\\.?[0-9]+|[0-9]+\\.")) {
                    throw new NumberFormatException();
                }
                value = new BigDecimal(number);
            } catch (NumberFormatException e) {
                ctx.err().println("sleep: invalid time interval '" + a + "'");
                ctx.err().println("Try 'sleep --help' for more information.");
                return 1;
            }
            total += value.multiply(BigDecimal.valueOf(unit)).longValue();
        }
        ctx.sleep(total);
        return 0;
    }
}
