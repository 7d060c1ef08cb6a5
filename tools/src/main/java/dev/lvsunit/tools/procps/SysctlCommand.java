package dev.lvsunit.tools.procps;

import dev.lvsunit.engine.sysctl.SysctlException;
import dev.lvsunit.tools.libc.Getopt;
import dev.lvsunit.tools.nettools.Usage;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sysctl} of procps-ng 4.0.2 ({@code sysctl.c}) on the engine's
 * {@code /proc/sys} ({@link ProcSys}).
 *
 * <ul>
 * <li>A key is dotted or slashed ({@code net/ipv4/ip_forward}); output is
 * always dotted. A key that names a directory lists it (sorted, deprecated
 * files left out).</li>
 * <li>{@code KEY=VALUE} writes with or without {@code -w}; the value, trimmed,
 * is written with a newline and echoed as written ({@code = 0x1}), while
 * the kernel stores what its handler makes of it.</li>
 * <li>Exit status: read failures add up (two unknown keys exit 2, an empty
 * key counts -1), write failures OR to 1. A read-only file (mode 0444, such as
 * {@code mc_forwarding}) or a directory given a value prints
 * {@code setting key "KEY": Invalid argument} and does not fail, as 4.0.2
 * does.</li>
 * <li>{@code -p [FILE...]} reads settings from files ({@link SysctlFiles}).</li>
 * </ul>
 */
final class SysctlCommand implements Command {

    private static final String PROC_PATH = "/proc/sys/";

    private static final int DEPRECATED_OPTION = 128;
    private static final int SYSTEM_OPTION = 129;
    private static final int DRYRUN_OPTION = 130;

    private static final List<Getopt.LongOption> LONGOPTS = List.of(
            new Getopt.LongOption("all", Getopt.Has.NO_ARGUMENT, 'a'),
            new Getopt.LongOption("deprecated", Getopt.Has.NO_ARGUMENT, DEPRECATED_OPTION),
            new Getopt.LongOption("dry-run", Getopt.Has.NO_ARGUMENT, DRYRUN_OPTION),
            new Getopt.LongOption("binary", Getopt.Has.NO_ARGUMENT, 'b'),
            new Getopt.LongOption("ignore", Getopt.Has.NO_ARGUMENT, 'e'),
            new Getopt.LongOption("names", Getopt.Has.NO_ARGUMENT, 'N'),
            new Getopt.LongOption("values", Getopt.Has.NO_ARGUMENT, 'n'),
            new Getopt.LongOption("load", Getopt.Has.OPTIONAL_ARGUMENT, 'p'),
            new Getopt.LongOption("quiet", Getopt.Has.NO_ARGUMENT, 'q'),
            new Getopt.LongOption("write", Getopt.Has.NO_ARGUMENT, 'w'),
            new Getopt.LongOption("system", Getopt.Has.NO_ARGUMENT, SYSTEM_OPTION),
            new Getopt.LongOption("pattern", Getopt.Has.REQUIRED_ARGUMENT, 'r'),
            new Getopt.LongOption("help", Getopt.Has.NO_ARGUMENT, 'h'),
            new Getopt.LongOption("version", Getopt.Has.NO_ARGUMENT, 'V'));

    /** One run: the options and the terminal. */
    private static final class Run {
        final CommandContext ctx;
        final ProcSys proc;
        boolean printName = true;
        boolean printNewline = true;
        boolean ignoreError;
        boolean nameOnly;
        boolean quiet;
        boolean ignoreDeprecated = true;

        Run(CommandContext ctx) {
            this.ctx = ctx;
            this.proc = new ProcSys(ctx.host());
        }

        void warn(String message) {
            ctx.err().println("sysctl: " + message);
        }
    }

    @Override
    public int run(CommandContext ctx, List<String> args) {
        Run run = new Run(ctx);
        if (args.isEmpty()) {
            ctx.err().print(Usage.text(SysctlCommand.class, "sysctl"));
            return 1;
        }
        Getopt g = Getopt.getoptLong(ctx, "sysctl", args, "bneNwfp::qoxaAXr:Vdh", LONGOPTS);
        boolean writeMode = false;
        boolean preload = false;
        String preloadFile = null;
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            switch (o.val()) {
                case 'b':
                    run.printNewline = false;
                    run.printName = false;
                    break;
                case 'n':
                    run.printName = false;
                    break;
                case 'e':
                    run.ignoreError = true;
                    break;
                case 'N':
                    run.nameOnly = true;
                    break;
                case 'w':
                    writeMode = true;
                    break;
                case 'f':
                case 'p':
                    preload = true;
                    if (o.argument() != null) {
                        preloadFile = o.argument();
                    }
                    break;
                case 'q':
                    run.quiet = true;
                    break;
                case 'o':
                case 'x':
                    break;
                case DEPRECATED_OPTION:
                    run.ignoreDeprecated = false;
                    break;
                case 'd':
                case 'h':
                case '?':
                    ctx.out().print(Usage.text(SysctlCommand.class, "sysctl"));
                    return 0;
                case 'a':
                case 'A':
                case 'X':
                    throw new NotSupportedException("sysctl -a (the whole /proc/sys of a real host)");
                default:
                    throw new NotSupportedException("sysctl option " + (o.val() < 128 ? "-" + (char) o.val()
                            : args.toString()));
            }
        }
        List<String> operands = g.operands();
        if (preload) {
            int ret = 0;
            List<Setting> settings = new ArrayList<>();
            if (preloadFile == null) {
                if (operands.isEmpty()) {
                    ret |= preload(run, "/etc/sysctl.conf", settings);
                }
            } else {
                ret |= preload(run, preloadFile, settings);
            }
            for (String file : operands) {
                ret |= preload(run, file, settings);
            }
            for (Setting s : settings) {
                ret |= write(run, s);
            }
            return ret;
        }
        if (operands.isEmpty()) {
            run.warn("no variables specified");
            ctx.err().println("Try `sysctl --help' for more information.");
            return 1;
        }
        if (run.nameOnly && run.quiet) {
            run.warn("options -N and -q cannot coexist");
            ctx.err().println("Try `sysctl --help' for more information.");
            return 1;
        }
        int returnCode = 0;
        for (String arg : operands) {
            if (writeMode || arg.indexOf('=') >= 0) {
                Optional<Setting> s = parseSettingLine(run, "command line", 0, arg);
                if (s.isPresent()) {
                    returnCode |= write(run, s.get());
                } else {
                    returnCode |= 1;
                }
            } else {
                returnCode += read(run, arg);
            }
        }
        return returnCode & 0xff;
    }

    /**
     * A {@code key = value} line.
     *
     * @param key the key as written (a leading {@code -} removed)
     * @param path the file, relative to {@code /proc/sys}
     * @param value the value, trimmed
     * @param ignoreFailure the line began with {@code -}
     */
    private record Setting(String key, String path, String value, boolean ignoreFailure) {
    }

    /** {@code parse_setting_line}. */
    private static Optional<Setting> parseSettingLine(Run run, String source, int line, String text) {
        String key = lstrip(text);
        if (key.length() < 2 || key.charAt(0) == '#' || key.charAt(0) == ';') {
            return Optional.empty();
        }
        int eq = key.indexOf('=');
        if (eq < 0) {
            if (key.charAt(0) == '-') {
                throw new NotSupportedException("sysctl exclusion " + key);
            }
            run.warn(source + "(" + line + "): invalid syntax, continuing...");
            return Optional.empty();
        }
        String value = rstrip(lstrip(key.substring(eq + 1)));
        key = key.substring(0, eq);
        boolean ignoreFailure = false;
        if (key.startsWith("-")) {
            ignoreFailure = true;
            key = key.substring(1);
        }
        key = rstrip(key);
        if (key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0) {
            throw new NotSupportedException("sysctl glob " + key);
        }
        return Optional.of(new Setting(key, slashdot(run, key, '.', '/'), value, ignoreFailure));
    }

    /** {@code Preload}: the settings of one file. */
    private static int preload(Run run, String file, List<Setting> settings) {
        Optional<List<String>> lines = SysctlFiles.lines(file);
        if (lines.isEmpty()) {
            run.warn("cannot open \"" + file + "\": No such file or directory");
            return 1;
        }
        int n = 0;
        for (String line : lines.get()) {
            n++;
            if (line.length() + 1 < 2) {
                continue;
            }
            parseSettingLine(run, file, n, line).ifPresent(settings::add);
        }
        return 0;
    }

    /** {@code WriteSetting}. */
    private static int write(Run run, Setting s) {
        ProcSys.Kind kind = run.proc.stat(s.path());
        String canonical = ProcSys.canonical(s.path());
        switch (kind) {
            case MISSING:
            case NOT_A_DIRECTORY:
                if (!run.ignoreError) {
                    run.warn("cannot stat " + PROC_PATH + s.path() + ": "
                            + (kind == ProcSys.Kind.MISSING ? "No such file or directory" : "Not a directory"));
                    return 1;
                }
                return 0;
            case UNMODELLED_FILE:
                throw new NotSupportedException("sysctl " + dotted(canonical) + ": not modelled by lvsunit");
            default:
                break;
        }
        if (canonical.isEmpty()) {
            run.warn("Path is not under " + PROC_PATH + ": " + PROC_PATH + s.path());
            return 1;
        }
        String dottedKey = slashdot(run, s.path(), '/', '.');
        boolean directory = kind == ProcSys.Kind.DIRECTORY || kind == ProcSys.Kind.UNMODELLED_DIRECTORY;
        if (directory || !run.proc.sysctl().writable(canonical)) {
            // 4.0.2 warns with whatever errno holds and goes on as if it had written
            run.warn("setting key \"" + dottedKey + "\": Invalid argument");
            return 0;
        }
        try {
            run.proc.sysctl().write(canonical, s.value() + "\n");
        } catch (SysctlException e) {
            if (s.ignoreFailure()) {
                throw new NotSupportedException("sysctl -KEY=VALUE (ignore failure) whose write fails");
            }
            run.warn("setting key \"" + dottedKey + "\": Invalid argument");
            return 1;
        }
        if (!run.quiet) {
            if (run.nameOnly) {
                run.ctx.out().println(s.value());
            } else if (run.printName) {
                run.ctx.out().println(dottedKey + " = " + s.value());
            } else if (run.printNewline) {
                run.ctx.out().println(s.value());
            } else {
                run.ctx.out().print(s.value());
            }
        }
        return 0;
    }

    /** {@code ReadSetting}; the return value is added to the exit status. */
    private static int read(Run run, String name) {
        if (name.isEmpty()) {
            run.warn("\"\" is an unknown key");
            return -1;
        }
        String path = slashdot(run, name, '.', '/');
        String outname = slashdot(run, name, '/', '.');
        ProcSys.Kind kind = run.proc.stat(path);
        switch (kind) {
            case MISSING:
            case NOT_A_DIRECTORY:
                if (!run.ignoreError) {
                    run.warn("cannot stat " + PROC_PATH + path + ": "
                            + (kind == ProcSys.Kind.MISSING ? "No such file or directory" : "Not a directory"));
                    return 1;
                }
                return 0;
            case UNMODELLED_FILE:
            case UNMODELLED_DIRECTORY:
                throw new NotSupportedException("sysctl " + outname + ": not modelled by lvsunit");
            case DIRECTORY:
                return displayAll(run, ProcSys.canonical(path));
            default:
                break;
        }
        if (run.nameOnly) {
            run.ctx.out().println(outname);
            return 0;
        }
        String value;
        try {
            value = run.proc.sysctl().read(ProcSys.canonical(path));
        } catch (SysctlException e) {
            throw new IllegalStateException(e);
        }
        if (run.printName) {
            run.ctx.out().println(outname + " = " + value);
        } else if (run.printNewline) {
            run.ctx.out().println(value);
        } else {
            run.ctx.out().print(value);
        }
        return 0;
    }

    /** {@code DisplayAll}: a directory's entries in {@code readdir} order, subdirectories recursively. */
    private static int displayAll(Run run, String dir) {
        int rc = 0;
        for (String entry : run.proc.sysctl().directory(dir).orElseThrow()) {
            String path = dir + "/" + entry;
            if (run.ignoreDeprecated && run.proc.sysctl().deprecated(path)) {
                continue;
            }
            if (run.proc.stat(path) == ProcSys.Kind.DIRECTORY) {
                rc |= displayAll(run, path);
            } else {
                rc |= read(run, path);
            }
        }
        return rc;
    }

    private static String dotted(String path) {
        return path.replace('/', '.');
    }

    /**
     * {@code slashdot}: swaps the separators {@code old} and {@code new}
     * (both ways: {@code net.ipv4.conf.eth0/arp_ignore} becomes
     * {@code net/ipv4/conf/eth0.arp_ignore}), unless the first separator is
     * already {@code new}; warns once about a doubled separator.
     */
    private static String slashdot(Run run, String text, char old, char neu) {
        int first = firstSeparator(text, 0);
        if (first < 0 || text.charAt(first) == neu) {
            return text;
        }
        char[] c = text.toCharArray();
        boolean warned = false;
        for (int p = first; p >= 0; p = firstSeparator(text, p + 1)) {
            if (!warned && p + 1 < c.length && (c[p + 1] == '/' || c[p + 1] == '.')) {
                run.warn("separators should not be repeated: " + new String(c, p, c.length - p));
                warned = true;
            }
            if (c[p] == old) {
                c[p] = neu;
            } else if (c[p] == neu) {
                c[p] = old;
            }
        }
        return new String(c);
    }

    private static int firstSeparator(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '/' || s.charAt(i) == '.') {
                return i;
            }
        }
        return -1;
    }

    /** {@code isspace} of C: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static String lstrip(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }

    private static String rstrip(String s) {
        int end = s.length();
        while (end > 1 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
