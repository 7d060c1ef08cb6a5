package dev.lvsunit.junit.kernel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each {@link dev.lvsunit.junit.LvsTest @LvsTest} test on both backends:
 * after the test body has passed on the engine, the lab's transcript is
 * replayed on real Linux hosts (network namespaces, a bridge per segment) and
 * the test fails if Linux prints anything else, with a diff per command. So
 * every Java test doubles as a check that the engine is Linux.
 *
 * <pre>{@code
 * @LvsTest
 * @AlsoOnLinux
 * class OnBothBackendsTest {
 *     @Test
 *     void onlyTheDirectorAnswersForTheVip(Lab lab) { ... }
 * }
 * }</pre>
 *
 * <p>What happens after each test:
 * <ol>
 *   <li>nothing, if the test failed or was aborted on the engine (the engine's
 *       failure says it all);</li>
 *   <li>the test is aborted (reported as skipped) with the reason when Linux
 *       cannot be asked here: not root, no network namespaces, an
 *       {@code ipvsadm} step on a kernel without the ip_vs module, or a step
 *       a transcript cannot express (a raw frame);</li>
 *   <li>otherwise the transcript, its volatile fields (round-trip times,
 *       timestamps) as globs, runs on Linux; a test that waited with
 *       {@link LinuxReplay#eventually} is polled there with Awaitility
 *       instead of sleeping the engine's time;</li>
 *   <li>the test fails with every command that printed something else, its
 *       diff ({@code -} the engine, {@code +} Linux) and the transcript, also
 *       written to {@code target/lvsunit/CLASS.METHOD.linux.lvs} (or under the
 *       configuration parameter {@code lvsunit.output.dir}).</li>
 * </ol>
 * The test can take the {@link LinuxReplay} as a parameter. Steps taken
 * through the engine's API rather than as commands are not in the
 * transcript, so Linux does not see them: the replay catches that too.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AlsoOnLinuxExtension.class)
public @interface AlsoOnLinux {
}
