package dev.lvsunit.junit.spec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the {@code lvsunit-spec} test engine where specs are, for build tools
 * that only select test classes (Maven Surefire): when a class carrying this
 * annotation is selected, the engine runs every {@code .lvs} and {@code .md}
 * spec in the given classpath packages and directories.
 *
 * <pre>{@code
 * @LvsSpecs(packages = "specs")        // src/test/resources/specs/**
 * class SpecsTest {
 * }
 * }</pre>
 *
 * With neither attribute, the specs of the class's own package are run. IDEs
 * and launchers that select classpath roots, packages or resources find
 * specs without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LvsSpecs {

    /** Classpath packages (resource folders, dots or slashes) whose specs run, subfolders included. */
    String[] packages() default {};

    /** File-system directories (relative to the working directory) whose specs run, subdirectories included. */
    String[] directories() default {};
}
