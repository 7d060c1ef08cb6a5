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
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.commons.support.ResourceSupport;
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
                spec(context, CLASSPATH + name, sourceName(name), ClasspathResourceSource.from(name), () -> read(resource))
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
        // The class's specs are resolved here, not as package and directory selectors:
        // selectors that resolve to further selectors lose the class container as parent.
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        List<String> packages = new java.util.ArrayList<>(List.of(specs.get().packages()));
        if (packages.isEmpty() && specs.get().directories().length == 0) {
            packages.add(type.getPackageName());
        }
        for (String p : packages) {
            ResourceSupport.findAllResourcesInPackage(p.replace('/', '.'), ResourceFilter.of(r -> isSpecName(r.getName())))
                    .stream().map(Resource::getName).sorted().distinct()
                    .forEach(name -> selectors.add(DiscoverySelectors.selectClasspathResource(name)));
        }
        for (String d : specs.get().directories()) {
            try {
                for (Path f : SpecFiles.find(List.of(Path.of(d)))) {
                    selectors.add(DiscoverySelectors.selectFile(f.toFile()));
                }
            } catch (IOException | IllegalArgumentException e) {
                // a missing directory has no specs
            }
        }
        return classContainer(context, type).map(d -> Resolution.match(Match.exact(d, () -> selectors)))
                .orElse(Resolution.unresolved());
    }

    /** The container of an {@link LvsSpecs} class, under which its specs are resolved. */
    private static Optional<TestDescriptor> classContainer(Context context, Class<?> type) {
        return context.addToParent(parent -> Optional.of(new SpecClassDescriptor(
                parent.getUniqueId().append(SpecClassDescriptor.SEGMENT_TYPE, type.getName()), type)));
    }

    /**
     * {@code [engine]/[spec:KEY]} or {@code [engine]/[class:NAME]/[spec:KEY]}: the
     * one spec again, under its class when it had one; {@code [engine]/[class:NAME]}:
     * the class's specs.
     */
    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        if (segments.size() < 2 || segments.size() > 3) {
            return Resolution.unresolved();
        }
        UniqueId.Segment first = segments.get(1);
        if (first.getType().equals(SpecClassDescriptor.SEGMENT_TYPE)) {
            Class<?> type;
            try {
                type = Class.forName(first.getValue(), false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                return Resolution.unresolved();
            }
            if (segments.size() == 2) {
                return Resolution.selectors(Set.of(DiscoverySelectors.selectClass(type)));
            }
            Optional<DiscoverySelector> spec = specSelector(segments.get(2));
            if (spec.isEmpty()) {
                return Resolution.unresolved();
            }
            return classContainer(context, type).map(d -> Resolution.match(Match.exact(d, () -> Set.of(spec.get()))))
                    .orElse(Resolution.unresolved());
        }
        if (segments.size() == 2) {
            return specSelector(first).map(s -> Resolution.selectors(Set.of(s))).orElse(Resolution.unresolved());
        }
        return Resolution.unresolved();
    }

    private static Optional<DiscoverySelector> specSelector(UniqueId.Segment segment) {
        if (!segment.getType().equals(SpecDescriptor.SEGMENT_TYPE)) {
            return Optional.empty();
        }
        String value = segment.getValue();
        if (value.startsWith(CLASSPATH)) {
            return Optional.of(DiscoverySelectors.selectClasspathResource(value.substring(CLASSPATH.length())));
        }
        if (value.startsWith(FILE)) {
            return Optional.of(DiscoverySelectors.selectFile(value.substring(FILE.length())));
        }
        return Optional.empty();
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

    /**
     * How messages name a classpath spec: its source file when the build's
     * resource folders hold it ({@code src/test/resources/specs/x.lvs:3}, a
     * location an IDE opens), else its classpath name.
     */
    private static String sourceName(String resource) {
        for (String folder : List.of("src/test/resources/", "src/main/resources/")) {
            if (Files.isRegularFile(Path.of(folder + resource))) {
                return folder + resource;
            }
        }
        return resource;
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
