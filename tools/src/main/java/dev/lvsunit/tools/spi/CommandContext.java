package dev.lvsunit.tools.spi;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;

/**
 * What a running command sees: its host, the world's clock, and one terminal
 * where standard output and standard error interleave in write order.
 */
public final class CommandContext {

    private final World world;
    private final Host host;
    private final StringBuilder terminal;
    private final Stream out;
    private final Stream err;
    private final String redirect;

    public CommandContext(World world, Host host) {
        this(world, host, new StringBuilder(), null);
    }

    private CommandContext(World world, Host host, StringBuilder terminal, String redirect) {
        this.world = world;
        this.host = host;
        this.terminal = terminal;
        this.out = new Stream(terminal);
        this.err = new Stream(terminal);
        this.redirect = redirect;
    }

    /** The same context with standard output redirected to {@code path} ({@code echo V > PATH}). */
    public CommandContext withRedirect(String path) {
        return new CommandContext(world, host, terminal, path);
    }

    public World world() {
        return world;
    }

    public Host host() {
        return host;
    }

    /** Standard output. */
    public Stream out() {
        return out;
    }

    /** Standard error. */
    public Stream err() {
        return err;
    }

    /** The file standard output is redirected to, or {@code null}. */
    public String redirect() {
        return redirect;
    }

    /** Everything printed so far. */
    public String output() {
        return terminal.toString();
    }

    /** Lets the world run for {@code nanos} of virtual time while the command waits. */
    public void sleep(long nanos) {
        world.runFor(nanos);
    }

    /** A stream of the terminal. */
    public static final class Stream {
        private final StringBuilder sb;

        Stream(StringBuilder sb) {
            this.sb = sb;
        }

        public Stream print(String s) {
            sb.append(s);
            return this;
        }

        public Stream println(String s) {
            sb.append(s).append('\n');
            return this;
        }

        public Stream println() {
            sb.append('\n');
            return this;
        }

        public Stream printf(String format, Object... args) {
            sb.append(String.format(java.util.Locale.ROOT, format, args));
            return this;
        }
    }
}
