package dev.lvsunit.junit;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Lan;
import dev.lvsunit.dsl.Nic;
import dev.lvsunit.dsl.Topology;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.junit.internal.EvidenceFiles;
import dev.lvsunit.junit.internal.FrameText;
import dev.lvsunit.junit.internal.PcapWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The extension behind {@link LvsTest}: one lab per test, injection, and the
 * network evidence of a failure. Package-private: tests use the annotation.
 *
 * <p>The lab lives in the test's {@link ExtensionContext.Store}, so it goes
 * with the test and parallel tests never see each other's; the extension
 * itself holds no state.
 */
final class LvsExtension implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    /** Configuration parameter: where pcap and transcript files of failed tests go. */
    static final String OUTPUT_DIRECTORY = EvidenceFiles.OUTPUT_DIRECTORY;
    /** At most this many frames are quoted in a failure; the pcap files hold them all. */
    private static final int MAX_QUOTED_FRAMES = 300;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LvsExtension.class);
    private static final Set<Class<?>> INJECTABLE = Set.of(Lab.class, World.class, Capture.class, Host.class,
            Nic.class, Lan.class);

    /** The lab of a test, closed with it. */
    private record LabResource(Lab lab) implements AutoCloseable {
        @Override
        public void close() {
            // a world holds nothing outside the JVM heap
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        Lab lab = lab(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), Named.class)) {
                if (Modifier.isStatic(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@Named field " + field.getName()
                            + " is static: a lab exists per test, so its hosts go into instance fields");
                }
                if (Modifier.isFinal(field.getModifiers())) {
                    throw new ExtensionConfigurationException("@Named field " + field.getName() + " is final");
                }
                String name = field.getAnnotation(Named.class).value();
                Object value = resolve(lab, field.getType(), name, "field " + field.getName());
                field.setAccessible(true);
                field.set(instance, value);
            }
        }
    }

    /** The lab of the test {@code context} belongs to, made and built on first use. */
    static Lab lab(ExtensionContext context) {
        ExtensionContext test = testContext(context);
        // get-then-put rather than getOrComputeIfAbsent, which JUnit 6 deprecates for computeIfAbsent
        // (absent from 5.x): a test's own store is used by its own thread only
        ExtensionContext.Store store = test.getStore(NAMESPACE);
        LabResource resource = store.get(LabResource.class.getName(), LabResource.class);
        if (resource == null) {
            resource = new LabResource(newLab(test));
            store.put(LabResource.class.getName(), resource);
        }
        return resource.lab();
    }

    /** The lab of the test, if one was made. */
    static Optional<Lab> existingLab(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return Optional.empty();
        }
        LabResource r = context.getStore(NAMESPACE).get(LabResource.class.getName(), LabResource.class);
        return Optional.ofNullable(r).map(LabResource::lab);
    }

    private static ExtensionContext testContext(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("an lvsunit lab exists per test: inject it into test methods, "
                    + "@BeforeEach/@AfterEach methods or @Named fields, not into " + context.getDisplayName());
        }
        return context;
    }

    private static Lab newLab(ExtensionContext context) {
        Optional<LvsTest> onMethod = AnnotationSupport.findAnnotation(context.getTestMethod(), LvsTest.class);
        LvsTest config = onMethod.orElseGet(() -> classAnnotation(context.getRequiredTestClass()));
        Lab lab = config == null ? Lab.create() : Lab.create(config.seed());
        if (config != null) {
            for (Class<? extends Topology> type : config.topology()) {
                lab.with(instantiate(type));
            }
        }
        return lab;
    }

    /** The annotation of the class or, for a {@code @Nested} class, of the nearest enclosing class that has one. */
    private static LvsTest classAnnotation(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            Optional<LvsTest> a = AnnotationSupport.findAnnotation(c, LvsTest.class);
            if (a.isPresent()) {
                return a.get();
            }
        }
        return null;
    }

    private static Topology instantiate(Class<? extends Topology> type) {
        try {
            Constructor<? extends Topology> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("topology " + type.getName()
                    + " has no no-argument constructor", e);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("topology " + type.getName() + " could not be made: " + e, e);
        }
    }

    // ---- injection

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (!INJECTABLE.contains(type)) {
            return false;
        }
        if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
            throw new ParameterResolutionException("an lvsunit lab exists per test: take the " + type.getSimpleName()
                    + " in the test method or a @Named field, not in the constructor");
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter p = parameterContext.getParameter();
        String name = parameterContext.findAnnotation(Named.class).map(Named::value).orElse("");
        if (name.isEmpty() && p.isNamePresent()) {
            name = p.getName();
        }
        return resolve(lab(extensionContext), p.getType(), name, "parameter " + p.getName());
    }

    private static Object resolve(Lab lab, Class<?> type, String name, String what) {
        if (type == Lab.class) {
            return lab;
        }
        if (type == World.class) {
            return lab.world();
        }
        if (type == Capture.class) {
            return lab.capture();
        }
        if (name.isEmpty()) {
            throw new ParameterResolutionException(what + ": say which " + type.getSimpleName()
                    + " with @Named(\"...\")");
        }
        if (type == Host.class) {
            return lab.host(name);
        }
        if (type == Nic.class) {
            int colon = name.indexOf(':');
            return colon < 0 ? lab.host(name).eth0() : lab.host(name.substring(0, colon)).nic(name.substring(colon + 1));
        }
        if (type == Lan.class) {
            try {
                return lab.lan(name);
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException(what + ": " + e.getMessage()
                        + "; a segment must exist before it is injected (build it in the topology)", e);
            }
        }
        throw new ExtensionConfigurationException(what + ": lvsunit cannot inject a " + type.getName()
                + " (it injects Lab, World, Capture, Host, Nic and Lan)");
    }

    // ---- evidence of a failure

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withEvidence(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withEvidence(context, throwable);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw withEvidence(context, throwable);
    }

    private static Throwable withEvidence(ExtensionContext context, Throwable failure) {
        Optional<Lab> lab = existingLab(context);
        if (lab.isEmpty() || failure instanceof TestAbortedException) {
            return failure;
        }
        for (Throwable s : failure.getSuppressed()) {
            if (s instanceof NetworkEvidence) {
                return failure;
            }
        }
        failure.addSuppressed(evidence(context, lab.get()));
        return failure;
    }

    private static NetworkEvidence evidence(ExtensionContext context, Lab lab) {
        Path dir = EvidenceFiles.directory(context);
        String base = EvidenceFiles.base(context);
        List<CapturedFrame> frames = lab.capture().all().frames();
        List<String> written = new ArrayList<>();
        StringBuilder problems = new StringBuilder();
        for (Lan lan : lab.lans()) {
            Path pcap = dir.resolve(base + "." + lan.name() + ".pcap");
            try {
                PcapWriter.write(pcap, lan.engine().capture());
                written.add(pcap.toString());
            } catch (IOException e) {
                problems.append("lvsunit: could not write ").append(pcap).append(": ").append(e).append('\n');
            }
        }
        String transcript = lab.transcript().render();
        Path lvs = dir.resolve(base + ".lvs");
        try {
            Files.createDirectories(dir);
            Files.writeString(lvs, transcript, StandardCharsets.UTF_8);
            written.add(lvs.toString());
        } catch (IOException e) {
            problems.append("lvsunit: could not write ").append(lvs).append(": ").append(e).append('\n');
        }
        for (String file : written) {
            context.publishReportEntry("lvsunit.file", file);
        }
        StringBuilder sb = new StringBuilder("\nlvsunit: every frame of the test (tcpdump -n -e; ")
                .append(frames.size()).append(frames.size() == 1 ? " frame" : " frames")
                .append(", virtual time ").append(FrameText.time(lab.world().now())).append(" at the failure)\n");
        List<CapturedFrame> quoted = frames.size() > MAX_QUOTED_FRAMES
                ? frames.subList(frames.size() - MAX_QUOTED_FRAMES, frames.size()) : frames;
        if (quoted.size() < frames.size()) {
            sb.append("  ... the first ").append(frames.size() - quoted.size()).append(" frames are in the pcap files\n");
        }
        sb.append(FrameText.lines(quoted, "  "));
        sb.append("lvsunit: files: ").append(written.isEmpty() ? "none" : String.join(", ", written)).append('\n');
        sb.append(problems);
        sb.append("lvsunit: the test as a spec transcript").append(lab.transcript().isExact() ? "" : " (inexact)")
                .append(":\n");
        transcript.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
        return new NetworkEvidence(sb.toString());
    }
}
