package dev.lvsunit.robust;

import dev.lvsunit.spec.SpecFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's sample specs: {@code samples/specs/**} and the kernel backend's recorded specs. */
final class Samples {

    private Samples() {
    }

    static Path root() {
        return Path.of(System.getProperty("lvsunit.root", "..")).toAbsolutePath().normalize();
    }

    static List<Path> files() throws IOException {
        List<Path> places = new ArrayList<>();
        for (String place : List.of("samples/specs", "kernel/src/test/resources/specs")) {
            Path p = root().resolve(place);
            if (Files.isDirectory(p)) {
                places.add(p);
            }
        }
        return SpecFiles.find(places);
    }
}
