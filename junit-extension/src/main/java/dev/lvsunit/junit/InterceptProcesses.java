package dev.lvsunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the processes the test starts with {@link ProcessBuilder} on a host of
 * its lab: {@code new ProcessBuilder("ipvsadm", "-A", ...).start()} in the code
 * under test runs lvsunit's {@code ipvsadm} on that host and returns its
 * output and exit status. Use with {@link LvsTest}.
 *
 * <pre>{@code
 * @LvsTest(topology = LvsDr.class)
 * @InterceptProcesses("director")
 * class ProvisionerTest { ... }
 * }</pre>
 *
 * The interception is bound to the test's thread (and threads it starts) from
 * before each {@code @BeforeEach} method to after each {@code @AfterEach}
 * method; see {@link dev.lvsunit.junit.process.SimulatedProcesses} for what
 * is simulated.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProcessInterceptionExtension.class)
public @interface InterceptProcesses {

    /** The host the processes run on. */
    String value();

    /** Programs that start for real instead. */
    String[] passThrough() default {};
}
