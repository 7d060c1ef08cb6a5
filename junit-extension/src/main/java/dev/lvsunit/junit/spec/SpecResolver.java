package dev.lvsunit.junit.spec;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns selectors into spec tests: classpath resources and files ending in
 * {@code .lvs} or {@code .md} (Markdown files without an {@code lvs} block
 * are not specs and are skipped), directories, classes annotated
 * {@link LvsSpecs}, and unique ids of earlier runs.
 */
final class SpecResolver implements SelectorResolver {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    static boolean isSpecName(String name) {
        return name.endsWith(".lvs") || name.endsWith(".md");
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        Set<Match> matches = new LinkedHashSet<>();
        for (Resource resource : selector.getResources()) {
            if (isSpecName(resource.getName())) {
                String name = resource.getName();
                spec(context, CLASSPATH + name, name, ClasspathResourceSource.from(name), () -> read(resource))
                        .ifPresent(d -> matches.add(Match.exact(d)));
            }
        }
        return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path file = selector.getPath();
        if (!isSpecName(file.toString())) {
            return Resolution.unresolved();
        }
        return spec(context, FILE + file, displayName(file), FileSource.from(file.toFile()), () -> read(file))
                .map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        List<Path> files;
        try {
            files = SpecFiles.find(List.of(selector.getPath()));
        } catch (IOException | IllegalArgumentException e) {
            return Resolution.unresolved();
        }
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Path f : files) {
            selectors.add(DiscoverySelectors.selectFile(f.toFile()));
        }
        return selectors.isEmpty() ? Resolution.unresolved() : Resolution.selectors(selectors);
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type;
        try {
            type = selector.getJavaClass();
        } catch (RuntimeException notLoadable) {
            return Resolution.unresolved();
        }
        Optional<LvsSpecs> specs = AnnotationSupport.findAnnotation(type, LvsSpecs.class);
        if (specs.isEmpty()) {
            return Resolution.unresolved();
        }
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (String p : specs.get().packages()) {
            selectors.add(DiscoverySelectors.selectPackage(p.replace('/', '.')));
        }
        for (String d : specs.get().directories()) {
            selectors.add(DiscoverySelectors.selectDirectory(d));
        }
        if (selectors.isEmpty()) {
            selectors.add(DiscoverySelectors.selectPackage(type.getPackageName()));
        }
        return Resolution.selectors(selectors);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        List<UniqueId.Segment> segments = id.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (segments.size() != 2 || !last.getType().equals(SpecDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        String value = last.getValue();
        if (value.startsWith(CLASSPATH)) {
            return Resolution.selectors(Set.of(DiscoverySelectors.selectClasspathResource(value.substring(CLASSPATH.length()))));
        }
        if (value.startsWith(FILE)) {
            return Resolution.selectors(Set.of(DiscoverySelectors.selectFile(value.substring(FILE.length()))));
        }
        return Resolution.unresolved();
    }

    /**
     * A spec test under the engine, unless the file is Markdown without
     * {@code lvs} blocks. A file that does not parse is still a test: it fails
     * with the syntax errors.
     */
    private static Optional<TestDescriptor> spec(Context context, String key, String name, TestSource source,
                                                 Supplier<String> text) {
        Spec parsed;
        try {
            parsed = Spec.parse(name, text.get());
        } catch (RuntimeException malformed) {
            parsed = null;
        }
        if (parsed != null && !parsed.hasTranscript()) {
            return Optional.empty();
        }
        return context.addToParent(parent -> Optional.of(new SpecDescriptor(
                parent.getUniqueId().append(SpecDescriptor.SEGMENT_TYPE, key), name, source,
                () -> Spec.parse(name, text.get()))));
    }

    /** The path relative to the working directory when it lies below it, so messages read {@code specs/x.lvs:3}. */
    private static String displayName(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : file.toString();
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
