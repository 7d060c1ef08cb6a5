package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ArpCache;
import dev.lvsunit.dsl.ArpEntry;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.capture.ArpFrames;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.dsl.capture.Frames;
import dev.lvsunit.dsl.capture.IpFrames;
import dev.lvsunit.engine.World;

/**
 * Entry points of lvsunit's AssertJ assertions. Import them statically next
 * to AssertJ's own:
 *
 * <pre>{@code
 * import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
 * import static dev.lvsunit.junit.assertions.LvsAssertions.eventually;
 *
 * assertThat(lab.capture()).arpReplies().forTarget(vip).allFrom(director.eth0());
 * eventually(lab).within(Duration.ofSeconds(60))
 *         .untilAsserted(() -> assertThat(client.arpCache()).hasEntryFor(vip).inState(NUD_STALE));
 * }</pre>
 *
 * For soft assertions use {@link LvsSoftAssertions}.
 */
public final class LvsAssertions {

    private LvsAssertions() {
    }

    public static CaptureAssert assertThat(Capture actual) {
        return new CaptureAssert(actual);
    }

    public static FramesAssert assertThat(Frames actual) {
        return new FramesAssert(actual);
    }

    public static ArpFramesAssert assertThat(ArpFrames actual) {
        return new ArpFramesAssert(actual);
    }

    public static IpFramesAssert assertThat(IpFrames actual) {
        return new IpFramesAssert(actual);
    }

    public static ArpCacheAssert assertThat(ArpCache actual) {
        return new ArpCacheAssert(actual);
    }

    public static ArpEntryAssert assertThat(ArpEntry actual) {
        return new ArpEntryAssert(actual);
    }

    public static IpvsTableAssert assertThat(dev.lvsunit.dsl.ipvs.IpvsTable actual) {
        return new IpvsTableAssert(actual);
    }

    public static RouteLookupAssert assertThat(dev.lvsunit.dsl.RouteLookup actual) {
        return new RouteLookupAssert(actual);
    }

    /** An assertion retried as the lab's virtual clock runs on; see {@link Eventually}. */
    public static Eventually eventually(Lab lab) {
        return Eventually.eventually(lab);
    }

    /** An assertion retried as the world's virtual clock runs on; see {@link Eventually}. */
    public static Eventually eventually(World world) {
        return Eventually.eventually(world);
    }
}
