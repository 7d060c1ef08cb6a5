package dev.lvsunit.fuzz;

import dev.lvsunit.spec.SpecFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The spec files of the repository: the samples, the kernel backend's recorded specs, the docs. */
final class SampleSpecs {

    /** {@code HOST# COMMAND} or {@code HOST$ COMMAND} at column 0 (spec-format.md). */
    private static final Pattern COMMAND = Pattern.compile("^[A-Za-z][A-Za-z0-9_.-]*[#$] (.*)$");

    private SampleSpecs() {
    }

    /** The repository's root: the {@code lvsunit.root} property Maven sets, or the parent directory. */
    static Path root() {
        return Path.of(System.getProperty("lvsunit.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Every spec file under the places that hold them, in name order, and under
     * the paths of the {@code lvsunit.fuzz.specs} property (colon-separated).
     */
    static List<Path> files() {
        Path root = root();
        List<Path> places = new ArrayList<>();
        for (String place : List.of("samples/specs", "kernel/src/test/resources/specs", "docs", "README.md")) {
            Path p = root.resolve(place);
            if (Files.exists(p)) {
                places.add(p);
            }
        }
        String extra = System.getProperty("lvsunit.fuzz.specs", "");
        for (String place : extra.split(":")) {
            if (!place.isEmpty()) {
                places.add(Path.of(place));
            }
        }
        try {
            return SpecFiles.find(places);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command lines of a spec file (without the host prompt), in file order. */
    static List<String> commandLines(Path file) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = COMMAND.matcher(line);
                if (m.matches()) {
                    lines.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
