package dev.lvsunit.tools.libc;

import dev.lvsunit.tools.spi.CommandContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * glibc's {@code getopt(3)} and {@code getopt_long(3)} in their default
 * (permuting) mode, one option per {@link #next()} call as the C loop
 * {@code while ((c = getopt_long(...)) != -1)} sees them, so a program that
 * exits at an option never looks at the ones after it:
 * <ul>
 * <li>options may come before, between or after the operands
 * ({@code ping 10.0.0.1 -c 1}); {@code --} ends them; {@code -} alone is an
 * operand;</li>
 * <li>short options cluster ({@code -qc1}); an option's argument
 * ({@code c:}) is the rest of its word or the next word; an optional one
 * ({@code p::}) only the rest of its word;</li>
 * <li>with {@code getopt_long}, {@code --name} is a long option, which may be
 * abbreviated to a unique prefix and takes {@code =VALUE} or (when required)
 * the next word; with plain {@code getopt}, {@code --name} is a cluster of
 * short options starting with {@code -};</li>
 * <li>errors are printed at once on standard error with glibc's texts,
 * prefixed by the program name, and come back as option {@code '?'}.</li>
 * </ul>
 */
public final class Getopt {

    /** How a long option takes an argument ({@code has_arg} of {@code struct option}). */
    public enum Has {
        NO_ARGUMENT,
        REQUIRED_ARGUMENT,
        OPTIONAL_ARGUMENT
    }

    /**
     * A long option, {@code struct option}.
     *
     * @param name the name without {@code --}
     * @param has whether it takes an argument
     * @param val the value reported for it (a short option character or a code of its own)
     */
    public record LongOption(String name, Has has, int val) {
    }

    /**
     * One option found.
     *
     * @param val the option character (or a long option's value); {@code '?'} after an error
     * @param argument its argument ({@code optarg}), or {@code null}
     */
    public record Opt(int val, String argument) {
    }

    private final CommandContext ctx;
    private final String program;
    private final List<String> args;
    private final String optstring;
    private final List<LongOption> longopts;
    private final List<String> operands = new ArrayList<>();
    private int index;
    /** The rest of the short-option cluster being read ({@code __nextchar}). */
    private String cluster = "";

    private Getopt(CommandContext ctx, String program, List<String> args, String optstring,
                   List<LongOption> longopts) {
        this.ctx = Objects.requireNonNull(ctx);
        this.program = Objects.requireNonNull(program);
        this.args = List.copyOf(args);
        this.optstring = Objects.requireNonNull(optstring);
        this.longopts = longopts;
    }

    /** {@code getopt(argc, argv, optstring)}: short options only. */
    public static Getopt getopt(CommandContext ctx, String program, List<String> args, String optstring) {
        return new Getopt(ctx, program, args, optstring, null);
    }

    /** {@code getopt_long(argc, argv, optstring, longopts, NULL)}. */
    public static Getopt getoptLong(CommandContext ctx, String program, List<String> args, String optstring,
                                    List<LongOption> longopts) {
        return new Getopt(ctx, program, args, optstring, List.copyOf(longopts));
    }

    /** The next option, or {@code null} when there are no more (getopt's -1). */
    public Opt next() {
        while (cluster.isEmpty()) {
            if (index >= args.size()) {
                return null;
            }
            String word = args.get(index++);
            if (word.equals("--")) {
                operands.addAll(args.subList(index, args.size()));
                index = args.size();
                return null;
            }
            if (longopts != null && word.startsWith("--")) {
                return longOption(word);
            }
            if (word.startsWith("-") && word.length() > 1) {
                cluster = word.substring(1);
            } else {
                operands.add(word);
            }
        }
        char c = cluster.charAt(0);
        cluster = cluster.substring(1);
        int at = c == ':' ? -1 : optstring.indexOf(c);
        if (at < 0) {
            return error("invalid option -- '" + c + "'");
        }
        boolean takesArg = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
        boolean optional = takesArg && at + 2 < optstring.length() && optstring.charAt(at + 2) == ':';
        if (!takesArg) {
            return new Opt(c, null);
        }
        String rest = cluster;
        cluster = "";
        if (!rest.isEmpty()) {
            return new Opt(c, rest);
        }
        if (optional) {
            return new Opt(c, null);
        }
        if (index < args.size()) {
            return new Opt(c, args.get(index++));
        }
        return error("option requires an argument -- '" + c + "'");
    }

    /** The operands in command-line order, once {@link #next()} has returned {@code null}. */
    public List<String> operands() {
        return Collections.unmodifiableList(operands);
    }

    /** {@code process_long_option}: an exact name, else a unique prefix. */
    private Opt longOption(String word) {
        String body = word.substring(2);
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        String value = eq < 0 ? null : body.substring(eq + 1);
        LongOption found = null;
        List<LongOption> candidates = new ArrayList<>();
        for (LongOption o : longopts) {
            if (o.name().equals(name)) {
                found = o;
                break;
            }
            if (o.name().startsWith(name)) {
                candidates.add(o);
            }
        }
        if (found == null && candidates.size() == 1) {
            found = candidates.get(0);
        }
        if (found == null && candidates.size() > 1) {
            StringBuilder sb = new StringBuilder("option '" + word + "' is ambiguous; possibilities:");
            for (LongOption o : candidates) {
                sb.append(" '--").append(o.name()).append('\'');
            }
            return error(sb.toString());
        }
        if (found == null) {
            return error("unrecognized option '" + word + "'");
        }
        switch (found.has()) {
            case NO_ARGUMENT:
                if (value != null) {
                    return error("option '--" + found.name() + "' doesn't allow an argument");
                }
                return new Opt(found.val(), null);
            case OPTIONAL_ARGUMENT:
                return new Opt(found.val(), value);
            default:
                if (value != null) {
                    return new Opt(found.val(), value);
                }
                if (index < args.size()) {
                    return new Opt(found.val(), args.get(index++));
                }
                return error("option '--" + found.name() + "' requires an argument");
        }
    }

    /** glibc prints its message as it finds the error and returns {@code '?'}. */
    private Opt error(String message) {
        ctx.err().println(program + ": " + message);
        return new Opt('?', null);
    }
}
