package dev.lvsunit.junit;

import dev.lvsunit.dsl.Topology;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives every test of the class a fresh lvsunit {@link dev.lvsunit.dsl.Lab}
 * (one simulated network on its own virtual clock), built from the declared
 * {@link #topology() topologies}, and captures every frame of the test.
 *
 * <pre>{@code
 * @LvsTest(topology = LvsDr.class)
 * class LvsDrTest {
 *     @Named("client") Host client;
 *
 *     @Test
 *     void onlyTheDirectorAnswersForTheVip(Lab lab, @Named("director") Host director) {
 *         client.arping("192.168.0.101");
 *         assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0().mac());
 *     }
 * }
 * }</pre>
 *
 * <p>What the extension does for each test:
 * <ol>
 *   <li>creates a lab with the given {@link #seed()} and builds the topologies
 *       into it, those of the method's annotation, else of the class's (or of
 *       an enclosing class's);</li>
 *   <li>injects the lab, its {@link dev.lvsunit.engine.World}, its
 *       {@link dev.lvsunit.dsl.capture.Capture}, hosts, interfaces and segments
 *       into fields annotated {@link Named} and into parameters of test,
 *       lifecycle and constructor methods (a {@code @BeforeEach} method taking
 *       a {@code Lab} is the other way to build a topology);</li>
 *   <li>when the test fails, appends to the failure every frame of the test in
 *       tcpdump form and the test as a spec transcript, and writes one
 *       {@code .pcap} file per segment (for Wireshark or {@code tcpdump -r})
 *       and the transcript ({@code .lvs}) under {@code target/lvsunit}, or the
 *       directory named by the configuration parameter
 *       {@value LvsExtension#OUTPUT_DIRECTORY}.</li>
 * </ol>
 * Labs share nothing, so tests run in parallel freely.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LvsExtension.class)
public @interface LvsTest {

    /** The topologies to build, in order; each needs a no-argument constructor. */
    Class<? extends Topology>[] topology() default {};

    /** The seed of the world's random source (ping identifiers, IPVS twos...). */
    long seed() default 0;
}
