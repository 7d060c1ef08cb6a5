package dev.lvsunit.junit;

import dev.lvsunit.dsl.Lab;
import dev.lvsunit.junit.process.SimulatedProcesses;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link InterceptProcesses}: binds the test's thread
 * before each test and unbinds it after. The binding lives in the test's
 * store, so JUnit closes it even when a callback fails.
 */
final class ProcessInterceptionExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ProcessInterceptionExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        InterceptProcesses config = AnnotationSupport.findAnnotation(context.getTestMethod(), InterceptProcesses.class)
                .or(() -> enclosing(context.getRequiredTestClass()))
                .orElseThrow();
        Lab lab = LvsExtension.lab(context);
        SimulatedProcesses binding = SimulatedProcesses.on(lab.host(config.value()), config.passThrough());
        context.getStore(NAMESPACE).put(SimulatedProcesses.class, binding);
    }

    private static java.util.Optional<InterceptProcesses> enclosing(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            java.util.Optional<InterceptProcesses> a = AnnotationSupport.findAnnotation(c, InterceptProcesses.class);
            if (a.isPresent()) {
                return a;
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SimulatedProcesses binding = context.getStore(NAMESPACE).remove(SimulatedProcesses.class, SimulatedProcesses.class);
        if (binding != null) {
            binding.close();
        }
    }
}
