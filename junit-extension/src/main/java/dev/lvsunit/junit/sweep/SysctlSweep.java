package dev.lvsunit.junit.sweep;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs the test once per combination of sysctl values, smallest first, and
 * ends with a summary of the minimal failing combinations.
 *
 * <pre>{@code
 * @SysctlSweep(on = {"all", "eth0"}, vary = {
 *         @Vary(key = "arp_ignore", values = {0, 1, 2, 3, 8}),
 *         @Vary(key = "arp_announce", values = {0, 1, 2}),
 *         @Vary(key = "arp_filter", values = {0, 1})})
 * void onlyTheDirectorAnswers(Combination sysctls, @Named("rs1") Host rs1, Lab lab) {
 *     sysctls.applyTo(rs1);
 *     ...
 * }
 * }</pre>
 *
 * <p>How it runs:
 * <ol>
 *   <li>the space is the declared {@link #vary()} keys, or what the static
 *       method named by {@link #space()} returns (a
 *       {@link dev.lvsunit.dsl.sweep.SweepSpace}, which can also set
 *       baselines);</li>
 *   <li>all its combinations run when there are at most
 *       {@link #maxCombinations()}, otherwise a sample drawn with
 *       {@link #seed()} (every single change from the baseline, then random
 *       combinations);</li>
 *   <li>one invocation per combination, named by its changes from the
 *       baseline, smallest first; the test receives the
 *       {@link dev.lvsunit.dsl.sweep.Combination} as a parameter and applies it;</li>
 *   <li>a failing combination that contains a smaller failing one is
 *       reported as aborted, naming the smaller one, unless
 *       {@link #reportEveryFailure()}; so the failures in the report are the
 *       minimal ones;</li>
 *   <li>a last invocation, {@code minimal failing combinations}, fails with
 *       the summary when anything failed; the summary and a Markdown
 *       pass/fail table are also written under {@code target/lvsunit}.</li>
 * </ol>
 * Invocations of one sweep run one after another (they learn from each other);
 * other tests still run in parallel with them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith(SysctlSweepExtension.class)
public @interface SysctlSweep {

    /** The swept keys. */
    Vary[] vary() default {};

    /** Where {@link Vary} conf entries are set: {@code all}, {@code default}, interface names. */
    String[] on() default {"all"};

    /** A static method of the test class returning the {@link dev.lvsunit.dsl.sweep.SweepSpace}, instead of {@link #vary()}. */
    String space() default "";

    /** Above this many combinations, a sample is run. */
    int maxCombinations() default 5000;

    /** The seed of the sample. */
    long seed() default 0;

    /** Report every failing combination as failed, not only the minimal ones. */
    boolean reportEveryFailure() default false;
}
