package dev.lvsunit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code ./lvsunit}.
 *
 * @param update rewrite output blocks from actual output
 * @param kernel run on real hosts instead of the engine
 * @param diff run on both and compare
 * @param backendClass the backend to run on when not {@code --kernel}
 * @param help print usage and exit
 * @param paths the files and directories to run
 */
record Options(boolean update, boolean kernel, boolean diff, String backendClass, boolean help, List<Path> paths) {

    static final String ENGINE_BACKEND = "dev.lvsunit.spec.engine.EngineBackend";
    static final String KERNEL_BACKEND = "dev.lvsunit.kernel.KernelBackend";

    static final String USAGE = """
            usage: lvsunit [--update] [--kernel | --diff] PATH...

            Runs the lvsunit specs at each PATH: .lvs files, and .md files with ```lvs
            blocks; directories are searched recursively (skipping hidden and target
            directories).

              --update          rewrite each spec's output blocks from the actual output,
                                keeping (glob), (re) and ... lines that still match
              --kernel          run on real Linux hosts in network namespaces (needs root)
                                instead of the engine; with --update, volatile fields
                                (round-trip times, timestamps) are recorded as globs
              --diff            run on the engine and on real hosts and print every
                                command whose outputs differ
              --backend=CLASS   run on another Backend (a public no-arg constructor)
              -h, --help        print this help

            Exit status: 0 when every spec passes, 1 when one fails, 2 for usage errors.
            """;

    /** A command line that cannot be run; the message is for the user. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws UsageException {
        boolean update = false;
        boolean kernel = false;
        boolean diff = false;
        boolean help = false;
        String backend = null;
        List<Path> paths = new ArrayList<>();
        boolean optionsEnded = false;
        for (String arg : args) {
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                paths.add(Path.of(arg));
                continue;
            }
            switch (arg) {
                case "--" -> optionsEnded = true;
                case "--update" -> update = true;
                case "--kernel" -> kernel = true;
                case "--diff" -> diff = true;
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("--backend=") && arg.length() > "--backend=".length()) {
                        backend = arg.substring("--backend=".length());
                    } else {
                        throw new UsageException("unknown option " + arg);
                    }
                }
            }
        }
        if (help) {
            return new Options(false, false, false, ENGINE_BACKEND, true, List.of());
        }
        if (diff && update) {
            throw new UsageException("--diff compares two backends; it cannot be combined with --update");
        }
        if (diff && kernel) {
            throw new UsageException("--diff already runs on the kernel; leave out --kernel");
        }
        if (kernel && backend != null) {
            throw new UsageException("--kernel and --backend choose the same thing; give one");
        }
        if (paths.isEmpty()) {
            throw new UsageException("no PATH given");
        }
        return new Options(update, kernel, diff, backend == null ? ENGINE_BACKEND : backend, false, paths);
    }
}
