package dev.lvsunit.tools.nettools;

import dev.lvsunit.tools.spi.CommandContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code getopt_long(3)} of glibc in its default (permuting) mode: options
 * may come before, between or after the operands; {@code --} ends them; a
 * short option's argument is the rest of its word or the next word; a long
 * option may be abbreviated to a unique prefix and takes {@code =VALUE} or
 * the next word. Errors are reported on standard error with glibc's texts,
 * prefixed by the program name, and come back as option {@code '?'}.
 */
public final class Getopt {

    /** How a long option takes an argument. */
    public enum Has {
        NO_ARGUMENT,
        REQUIRED_ARGUMENT,
        OPTIONAL_ARGUMENT
    }

    /**
     * A long option.
     *
     * @param name the name without {@code --}
     * @param has whether it takes an argument
     * @param val the value reported for it (a short option character or a code of its own)
     */
    public record LongOption(String name, Has has, int val) {
    }

    /**
     * One option found, in the order of the command line.
     *
     * @param val the option character (or a long option's value); {@code '?'} after an error
     * @param argument its argument, or {@code null}
     */
    public record Opt(int val, String argument) {
    }

    /**
     * The options in command-line order and the operands in theirs.
     *
     * @param options the options
     * @param operands the other words
     */
    public record Result(List<Opt> options, List<String> operands) {
    }

    private Getopt() {
    }

    /**
     * Parses {@code args} as {@code getopt_long(argc, argv, optstring, longopts)}
     * would, printing its error messages to {@code ctx}'s standard error.
     *
     * @param stopAtError stop at the first error, for programs that exit there
     *     (the options after it are never looked at, nor reported)
     */
    public static Result parse(CommandContext ctx, String program, List<String> args, String optstring,
                               List<LongOption> longopts, boolean stopAtError) {
        List<Opt> options = new ArrayList<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (stopAtError && !options.isEmpty() && options.get(options.size() - 1).val() == '?') {
                break;
            }
            String word = args.get(i);
            if (word.equals("--")) {
                operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (word.startsWith("--")) {
                i = longOption(ctx, program, args, i, longopts, options);
                continue;
            }
            if (!word.startsWith("-") || word.length() == 1) {
                operands.add(word);
                continue;
            }
            for (int j = 1; j < word.length(); j++) {
                char c = word.charAt(j);
                int at = c == ':' ? -1 : optstring.indexOf(c);
                if (at < 0) {
                    ctx.err().println(program + ": invalid option -- '" + c + "'");
                    options.add(new Opt('?', null));
                    if (stopAtError) {
                        break;
                    }
                    continue;
                }
                boolean takesArg = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
                boolean optional = takesArg && at + 2 < optstring.length() && optstring.charAt(at + 2) == ':';
                if (!takesArg) {
                    options.add(new Opt(c, null));
                    continue;
                }
                String rest = word.substring(j + 1);
                if (!rest.isEmpty()) {
                    options.add(new Opt(c, rest));
                } else if (optional) {
                    options.add(new Opt(c, null));
                } else if (i + 1 < args.size()) {
                    options.add(new Opt(c, args.get(++i)));
                } else {
                    ctx.err().println(program + ": option requires an argument -- '" + c + "'");
                    options.add(new Opt('?', null));
                }
                break;
            }
        }
        return new Result(options, operands);
    }

    private static int longOption(CommandContext ctx, String program, List<String> args, int i,
                                  List<LongOption> longopts, List<Opt> options) {
        String word = args.get(i);
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
            StringBuilder sb = new StringBuilder(program + ": option '" + word + "' is ambiguous; possibilities:");
            for (LongOption o : candidates) {
                sb.append(" '--").append(o.name()).append('\'');
            }
            ctx.err().println(sb.toString());
            options.add(new Opt('?', null));
            return i;
        }
        if (found == null) {
            ctx.err().println(program + ": unrecognized option '" + word + "'");
            options.add(new Opt('?', null));
            return i;
        }
        switch (found.has()) {
            case NO_ARGUMENT:
                if (value != null) {
                    ctx.err().println(program + ": option '--" + found.name() + "' doesn't allow an argument");
                    options.add(new Opt('?', null));
                    return i;
                }
                options.add(new Opt(found.val(), null));
                return i;
            case OPTIONAL_ARGUMENT:
                options.add(new Opt(found.val(), value));
                return i;
            default:
                if (value != null) {
                    options.add(new Opt(found.val(), value));
                    return i;
                }
                if (i + 1 < args.size()) {
                    options.add(new Opt(found.val(), args.get(i + 1)));
                    return i + 1;
                }
                ctx.err().println(program + ": option '--" + found.name() + "' requires an argument");
                options.add(new Opt('?', null));
                return i;
        }
    }
}
