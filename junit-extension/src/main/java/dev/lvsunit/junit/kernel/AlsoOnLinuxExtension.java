package dev.lvsunit.junit.kernel;

import dev.lvsunit.dsl.Lab;
import dev.lvsunit.junit.internal.EvidenceFiles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link AlsoOnLinux}: one {@link LinuxReplay} per test,
 * injected on request and checked after the test (after its
 * {@code @AfterEach} methods, so their steps are replayed too).
 *
 * <p>The lab is the one {@code @LvsTest} gives the test: it is asked of JUnit
 * as a parameter, through the test's {@link
 * org.junit.jupiter.api.extension.ExecutableInvoker}, so this extension needs
 * nothing from {@code LvsExtension} but its public behaviour.
 */
final class AlsoOnLinuxExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AlsoOnLinuxExtension.class);
    /** The configuration parameter and default of LvsExtension: failures' files go to one place. */

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() != LinuxReplay.class) {
            return false;
        }
        if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
            throw new ParameterResolutionException("a LinuxReplay exists per test, as its lab: take it in the "
                    + "test method, not in the constructor");
        }
        return true;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return replay(extensionContext);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            return;
        }
        replay(context).assertSameOnLinux();
    }

    private static LinuxReplay replay(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ExtensionConfigurationException("a LinuxReplay exists per test: take it in a test method or "
                    + "an @BeforeEach/@AfterEach method, not in " + context.getDisplayName());
        }
        // get-then-put, as LvsExtension does: a test's own store is used by its own thread only
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        LinuxReplay replay = store.get(LinuxReplay.class, LinuxReplay.class);
        if (replay == null) {
            String base = EvidenceFiles.base(context);
            Path dir = EvidenceFiles.directory(context);
            Path file = dir.resolve(base + ".linux.lvs");
            replay = LinuxReplay.of(labOf(context)).reportAs(file.toString(), file);
            store.put(LinuxReplay.class, replay);
        }
        return replay;
    }

    /** The test's lab, resolved by JUnit as a {@code Lab} parameter of {@link #theLab}. */
    private static Lab labOf(ExtensionContext context) {
        Method method;
        try {
            method = AlsoOnLinuxExtension.class.getDeclaredMethod("theLab", Lab.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        try {
            return (Lab) context.getExecutableInvoker().invoke(method);
        } catch (ParameterResolutionException e) {
            throw new ExtensionConfigurationException("@AlsoOnLinux replays the lab that @LvsTest gives each test: "
                    + "annotate " + context.getRequiredTestClass().getName() + " with @LvsTest as well"
                    + " (or call LinuxReplay.of(lab).assertSameOnLinux() on a lab of your own)", e);
        }
    }

    @SuppressWarnings("unused") // invoked through labOf
    private static Lab theLab(Lab lab) {
        return lab;
    }
}
