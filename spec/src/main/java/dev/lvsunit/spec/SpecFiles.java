package dev.lvsunit.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds spec files: {@code *.lvs} and {@code *.md}.
 *
 * <p>A file given by name is taken if it has one of those endings. A directory
 * is searched recursively, in name order, skipping hidden directories and
 * Maven's {@code target} directories (which hold copies). Markdown files
 * without {@code lvs} blocks are found too: callers skip them after parsing
 * ({@link Spec#hasTranscript()}).
 */
public final class SpecFiles {

    private SpecFiles() {
    }

    /** Whether a file name has a spec ending. */
    public static boolean isSpecFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".lvs") || name.endsWith(".md");
    }

    /**
     * The spec files under the given paths, each once, in the order given (and
     * name order within directories).
     *
     * @throws IllegalArgumentException for a path that does not exist or a
     *     file that is not {@code .lvs} or {@code .md}, naming it
     * @throws IOException if a directory cannot be read
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        Set<Path> seen = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> Files.isRegularFile(p) && isSpecFile(p) && !skipped(path, p))
                            .sorted()
                            .forEach(p -> seen.add(p.normalize()));
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            } else if (Files.isRegularFile(path)) {
                if (!isSpecFile(path)) {
                    throw new IllegalArgumentException(path + ": not a spec file (expected .lvs or .md)");
                }
                seen.add(path.normalize());
            } else {
                throw new IllegalArgumentException(path + ": no such file or directory");
            }
        }
        return new ArrayList<>(seen);
    }

    /** Whether {@code file} lies in a hidden or {@code target} directory below {@code root}. */
    private static boolean skipped(Path root, Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (name.startsWith(".") || name.equals("target")) {
                return true;
            }
        }
        return false;
    }
}
