package dev.lvsunit.junit.spec;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.engine.EngineBackend;
import java.util.Optional;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.opentest4j.AssertionFailedError;

/**
 * Runs lvsunit specs ({@code .lvs} transcripts and Markdown files with
 * {@code lvs} blocks) as JUnit tests, one test per file, each on a fresh
 * simulated world. A failing spec fails with its report: every command whose
 * output differs, as {@code file:line: command} and a diff.
 *
 * <p>Discovery: classpath roots, packages and resources (as IDEs and the
 * console launcher select them), files and directories, and classes annotated
 * {@link LvsSpecs} (for Maven Surefire, which selects classes only).
 *
 * <p>The configuration parameter {@value #BACKEND} names another
 * {@link Backend} class (with a public no-argument constructor) to run on,
 * such as the kernel backend; by default the engine backend.
 */
public final class SpecTestEngine implements TestEngine {

    /** The engine id. */
    public static final String ENGINE_ID = "lvsunit-spec";
    /** Configuration parameter: the class name of the backend to run specs on. */
    public static final String BACKEND = "lvsunit.spec.backend";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.lvsunit");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("lvsunit-junit-extension");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "lvsunit specs");
        EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                .addResourceContainerSelectorResolver(ResourceFilter.of(r -> SpecResolver.isSpecName(r.getName())))
                .addSelectorResolver(new SpecResolver())
                .build()
                .resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        Backend backend;
        try {
            backend = backend(request.getConfigurationParameters().get(BACKEND).orElse(null));
        } catch (RuntimeException e) {
            listener.executionFinished(engine, TestExecutionResult.failed(e));
            return;
        }
        SpecRunner runner = new SpecRunner(backend);
        runChildren(runner, engine, listener);
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void runChildren(SpecRunner runner, TestDescriptor parent, EngineExecutionListener listener) {
        for (TestDescriptor child : parent.getChildren()) {
            if (child instanceof SpecDescriptor spec) {
                run(runner, spec, listener);
            } else {
                listener.executionStarted(child);
                runChildren(runner, child, listener);
                listener.executionFinished(child, TestExecutionResult.successful());
            }
        }
    }

    private static void run(SpecRunner runner, SpecDescriptor descriptor, EngineExecutionListener listener) {
        listener.executionStarted(descriptor);
        TestExecutionResult outcome;
        try {
            Spec spec = descriptor.spec();
            SpecResult result = runner.run(spec);
            listener.reportingEntryPublished(descriptor, ReportEntry.from("lvsunit.spec", result.toString()));
            if (result.passed()) {
                outcome = TestExecutionResult.successful();
            } else {
                AssertionFailedError failure = new AssertionFailedError(result.report().stripTrailing());
                result.errorCause().ifPresent(failure::initCause);
                outcome = TestExecutionResult.failed(failure);
            }
        } catch (RuntimeException e) {
            // a syntax error: its message lists every problem with file:line
            outcome = TestExecutionResult.failed(new AssertionFailedError(e.getMessage(), e));
        }
        listener.executionFinished(descriptor, outcome);
    }

    private static Backend backend(String className) {
        if (className == null || className.isBlank()) {
            return new EngineBackend();
        }
        try {
            Class<?> type = Class.forName(className.strip(), true, Thread.currentThread().getContextClassLoader());
            return (Backend) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(BACKEND + "=" + className + ": not a spec backend class with a public "
                    + "no-argument constructor (" + e + ")", e);
        }
    }
}
