package dev.lvsunit.tools;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.tools.shell.CommandLine;
import dev.lvsunit.tools.shell.ShellSyntaxException;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.Commands;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A root shell on the hosts of one world: runs command lines the way bash
 * would run the real tools, against the simulated kernel.
 *
 * <p>A line is split into words as a POSIX shell splits them; the only other
 * syntax understood is {@code echo VALUE > /proc/sys/...}. An unknown command
 * prints {@code bash: NAME: command not found} and exits 127. A command runs on
 * the world's virtual clock: {@code ping -c 3} takes two virtual seconds.
 */
public final class Shell {

    private final World world;
    private final Map<String, Command> commands;

    public Shell(World world) {
        this.world = Objects.requireNonNull(world);
        this.commands = Commands.all();
    }

    /** The world the commands run in. */
    public World world() {
        return world;
    }

    /**
     * Runs one command line on a host.
     *
     * @throws IllegalArgumentException if the world has no such host
     */
    public Execution run(String hostName, String line) {
        Host host = world.host(hostName)
                .orElseThrow(() -> new IllegalArgumentException("no host " + hostName));
        CommandContext ctx = new CommandContext(world, host);
        int status;
        try {
            CommandLine parsed = CommandLine.parse(line);
            if (parsed.words().isEmpty()) {
                return new Execution("", 0);
            }
            List<String> argv = parsed.words();
            if (parsed.redirectTarget() != null) {
                status = commands.get("echo").run(ctx.withRedirect(parsed.redirectTarget()), argv.subList(1, argv.size()));
            } else {
                Command command = commands.get(argv.get(0));
                if (command == null) {
                    ctx.err().println("bash: " + argv.get(0) + ": command not found");
                    status = 127;
                } else {
                    status = command.run(ctx, argv.subList(1, argv.size()));
                }
            }
        } catch (ShellSyntaxException e) {
            ctx.err().println(e.getMessage());
            status = 2;
        } catch (NotSupportedException e) {
            ctx.err().println("lvsunit: not supported: " + e.getMessage());
            status = 2;
        }
        return new Execution(ctx.output(), status);
    }
}
