package dev.lvsunit.cli;

import dev.lvsunit.spec.BackendComparison;
import dev.lvsunit.spec.Mismatch;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecFiles;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.SpecSyntaxException;
import dev.lvsunit.spec.SpecUpdater;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.BackendException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./lvsunit}: runs spec files and reports, one file after another.
 *
 * <p>Prints {@code PASS path} or {@code FAIL path} (with each mismatch's
 * diff) per file on standard output, then {@code N passed, M failed}; with
 * {@code --update}, {@code UPDATED path} for rewritten files and a line
 * {@code K updated}; with {@code --diff}, {@code SAME path} or
 * {@code DIFF path} and {@code N same, M different}. Usage errors go to
 * standard error.
 */
final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Options options;
        List<Path> files;
        try {
            options = Options.parse(args);
            if (options.help()) {
                out.print(Options.USAGE);
                return OK;
            }
            files = SpecFiles.find(options.paths());
        } catch (Options.UsageException | IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (IOException e) {
            return usage(e.toString());
        }
        try {
            if (options.diff()) {
                return diff(files, Backends.instantiate(options.backendClass()),
                        Backends.instantiate(Options.KERNEL_BACKEND));
            }
            Backend backend = Backends.instantiate(options.kernel() ? Options.KERNEL_BACKEND : options.backendClass());
            SpecUpdater updater = options.update()
                    ? (options.kernel() ? SpecUpdater.recording() : SpecUpdater.literal()) : null;
            return run(files, backend, updater);
        } catch (BackendException e) {
            err.println("lvsunit: " + e.getMessage());
            return USAGE;
        }
    }

    private int usage(String message) {
        err.println("lvsunit: " + message);
        err.println("usage: lvsunit [--update] [--kernel | --diff] PATH...  (lvsunit --help for more)");
        return USAGE;
    }

    private int run(List<Path> files, Backend backend, SpecUpdater updater) {
        int passed = 0;
        int failed = 0;
        int updated = 0;
        boolean stuck = false;
        int specs = 0;
        for (Path file : files) {
            Loaded loaded = read(file);
            if (loaded.skipped()) {
                continue;
            }
            specs++;
            if (loaded.spec() == null) {
                failed++;
                stuck = true;
                continue;
            }
            SpecResult result = new SpecRunner(backend).run(loaded.spec());
            if (result.passed()) {
                passed++;
            } else {
                failed++;
            }
            if (updater == null || result.error().isPresent()) {
                out.print(result.report());
                printCrash(result);
                stuck |= result.error().isPresent();
                out.flush();
                continue;
            }
            try {
                if (updater.update(result)) {
                    updated++;
                    out.print(result.report().replaceFirst("^FAIL ", "UPDATED "));
                } else {
                    out.print(result.report());
                }
            } catch (IOException e) {
                out.println("FAIL " + file);
                out.println("  " + file + ": cannot write: " + e.getMessage());
                stuck = true;
            }
            out.flush();
        }
        if (specs == 0) {
            return usage("no specs found (.lvs files, or .md files with ```lvs blocks)");
        }
        out.println(passed + " passed, " + failed + " failed");
        if (updater != null) {
            out.println(updated + " updated");
            return stuck ? FAILED : OK;
        }
        return failed == 0 ? OK : FAILED;
    }

    private int diff(List<Path> files, Backend engine, Backend kernel) {
        int same = 0;
        int different = 0;
        int specs = 0;
        for (Path file : files) {
            Loaded loaded = read(file);
            if (loaded.skipped()) {
                continue;
            }
            specs++;
            if (loaded.spec() == null) {
                different++;
                continue;
            }
            SpecResult reference = new SpecRunner(kernel).run(loaded.spec());
            SpecResult candidate = new SpecRunner(engine).run(loaded.spec());
            List<Mismatch> differences = BackendComparison.compare(reference, candidate);
            boolean errors = reference.error().isPresent() || candidate.error().isPresent();
            if (differences.isEmpty() && !errors) {
                same++;
                out.println("SAME " + file);
                continue;
            }
            different++;
            out.println("DIFF " + file);
            for (Mismatch m : differences) {
                out.println("  " + m.location() + ": " + m.command());
                m.diff().lines().forEach(l -> out.println("    " + l));
            }
            for (SpecResult r : List.of(reference, candidate)) {
                r.error().ifPresent(e -> out.println("  " + r.backend() + ": " + e));
                printCrash(r);
            }
            out.flush();
        }
        if (specs == 0) {
            return usage("no specs found (.lvs files, or .md files with ```lvs blocks)");
        }
        out.println(same + " same, " + different + " different");
        return different == 0 ? OK : FAILED;
    }

    /**
     * A spec file as read: its spec; or skipped (a Markdown file without lvs
     * blocks); or neither, when it could not be read or parsed (already reported).
     */
    private record Loaded(Spec spec, boolean skipped) {
    }

    private Loaded read(Path file) {
        try {
            Spec spec = Spec.read(file);
            return spec.hasTranscript() ? new Loaded(spec, false) : new Loaded(null, true);
        } catch (SpecSyntaxException e) {
            out.println("FAIL " + file);
            e.errors().forEach(error -> out.println("  " + error));
        } catch (IOException e) {
            out.println("FAIL " + file);
            out.println("  " + file + ": cannot read: " + e);
        }
        out.flush();
        return new Loaded(null, false);
    }

    /** A crash of the backend is a bug: its stack trace goes to standard error. */
    private void printCrash(SpecResult result) {
        result.errorCause().filter(cause -> !(cause instanceof BackendException))
                .ifPresent(cause -> cause.printStackTrace(err));
    }
}
