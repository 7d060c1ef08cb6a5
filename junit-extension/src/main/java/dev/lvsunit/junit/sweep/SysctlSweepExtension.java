package dev.lvsunit.junit.sweep;

import dev.lvsunit.dsl.ConfKey;
import dev.lvsunit.dsl.SysctlKey;
import dev.lvsunit.dsl.sweep.Combination;
import dev.lvsunit.dsl.sweep.SweepResults;
import dev.lvsunit.dsl.sweep.SweepSpace;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.junit.internal.EvidenceFiles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The invocations of a {@link SysctlSweep}. Package-private: tests use the
 * annotation. The results of one sweep live in the invocations it provides,
 * so parallel sweeps share nothing.
 */
final class SysctlSweepExtension implements TestTemplateInvocationContextProvider {


    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), SysctlSweep.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        SysctlSweep sweep = AnnotationSupport.findAnnotation(context.getTestMethod(), SysctlSweep.class).orElseThrow();
        SweepSpace space = space(context, sweep);
        List<Combination> combinations = space.sample(sweep.maxCombinations(), sweep.seed());
        SweepResults results = new SweepResults(space);
        Stream<TestTemplateInvocationContext> each = combinations.stream()
                .map(c -> new CombinationInvocation(c, results, sweep.reportEveryFailure()));
        return Stream.concat(each, Stream.of(new SummaryInvocation(space.baseline(), results)));
    }

    static SweepSpace space(ExtensionContext context, SysctlSweep sweep) {
        if (!sweep.space().isEmpty()) {
            if (sweep.vary().length > 0) {
                throw new ExtensionConfigurationException("@SysctlSweep: give vary() or space(), not both");
            }
            Class<?> type = context.getRequiredTestClass();
            try {
                Method m = type.getDeclaredMethod(sweep.space());
                if (!Modifier.isStatic(m.getModifiers()) || !SweepSpace.class.isAssignableFrom(m.getReturnType())) {
                    throw new ExtensionConfigurationException("@SysctlSweep(space = \"" + sweep.space() + "\"): "
                            + type.getSimpleName() + "." + sweep.space() + " must be static and return a SweepSpace");
                }
                m.setAccessible(true);
                return (SweepSpace) m.invoke(null);
            } catch (NoSuchMethodException e) {
                throw new ExtensionConfigurationException("@SysctlSweep(space = \"" + sweep.space() + "\"): "
                        + type.getSimpleName() + " has no method " + sweep.space() + "()", e);
            } catch (ReflectiveOperationException e) {
                throw new ExtensionConfigurationException("@SysctlSweep: " + sweep.space() + "() failed: " + e, e);
            }
        }
        if (sweep.vary().length == 0) {
            throw new ExtensionConfigurationException("@SysctlSweep needs vary() or space()");
        }
        SweepSpace.Builder b = SweepSpace.builder().on(sweep.on());
        for (Vary v : sweep.vary()) {
            Optional<DevConf> entry = DevConf.byFileName(v.key());
            if (entry.isPresent()) {
                b.vary(new ConfKey(entry.get()), v.values());
            } else if (v.key().contains(".")) {
                b.vary(SysctlKey.of(v.key()), v.values());
            } else {
                throw new ExtensionConfigurationException("@Vary(key = \"" + v.key()
                        + "\"): not a net.ipv4.conf entry; give a whole key such as net.ipv4.neigh.eth0.locktime");
            }
        }
        return b.build();
    }

    /** Resolves the {@link Combination} parameter. */
    private record CombinationParameter(Combination combination) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == Combination.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return combination;
        }
    }

    /** One combination: records its outcome; a failure above a smaller failure is aborted. */
    private record CombinationInvocation(Combination combination, SweepResults results, boolean reportEveryFailure)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + invocationIndex + "] " + combination.label();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            TestExecutionExceptionHandler onFailure = (context, throwable) -> {
                if (throwable instanceof TestAbortedException) {
                    throw throwable;
                }
                Optional<Combination> smaller = results.smallerFailure(combination);
                results.failed(combination, String.valueOf(throwable.getMessage()));
                if (smaller.isPresent() && !reportEveryFailure) {
                    throw new TestAbortedException("fails, as the smaller combination " + smaller.get().label()
                            + " does: not a minimal failure", throwable);
                }
                throw throwable;
            };
            AfterTestExecutionCallback onPass = context -> {
                if (context.getExecutionException().isEmpty()) {
                    results.passed(combination);
                }
            };
            return List.of(new CombinationParameter(combination), onFailure, onPass);
        }
    }

    /** The last invocation: skips the test body and fails with the summary when anything failed. */
    private record SummaryInvocation(Combination baseline, SweepResults results)
            implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "minimal failing combinations";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            InvocationInterceptor summary = new InvocationInterceptor() {
                @Override
                public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                                        ReflectiveInvocationContext<Method> invocationContext,
                                                        ExtensionContext extensionContext) {
                    invocation.skip();
                    String report = results.summary();
                    write(extensionContext, report);
                    if (results.failures() > 0) {
                        throw new AssertionError(report);
                    }
                }
            };
            return List.of(new CombinationParameter(baseline), summary);
        }

        private void write(ExtensionContext context, String report) {
            Path dir = EvidenceFiles.directory(context);
            String base = (context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName())
                    .replaceAll("[^A-Za-z0-9_.$-]", "_");
            try {
                Files.createDirectories(dir);
                Path table = dir.resolve(base + ".sweep.md");
                Files.writeString(table, "# " + context.getRequiredTestMethod().getName() + "\n\n```\n" + report
                        + "```\n\n" + results.table(), StandardCharsets.UTF_8);
                context.publishReportEntry("lvsunit.sweep", table.toString());
            } catch (IOException e) {
                context.publishReportEntry("lvsunit.sweep", "could not write the table: " + e);
            }
        }
    }
}
