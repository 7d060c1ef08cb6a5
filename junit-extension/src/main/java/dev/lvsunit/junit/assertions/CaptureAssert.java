package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.capture.ArpFrames;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.dsl.capture.Frames;
import dev.lvsunit.dsl.capture.IpFrames;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on everything a lab's network carried: choose the frames, then
 * check them.
 *
 * <pre>{@code
 * assertThat(lab.capture()).arpReplies().forTarget(vip).allFrom(director.eth0());
 * }</pre>
 *
 * The selections are snapshots taken when they are chosen.
 */
public class CaptureAssert extends AbstractAssert<CaptureAssert, Capture> {

    AssertFactory factory = AssertFactory.DIRECT;

    public CaptureAssert(Capture actual) {
        super(actual, CaptureAssert.class);
    }

    private <A extends AbstractFrameSelectionAssert<?, ?>, T> A navigate(Class<A> type, Class<T> actualType, T value) {
        A a = factory.create(type, actualType, value);
        a.factory = factory;
        return a;
    }

    /** Every frame. */
    public FramesAssert frames() {
        isNotNull();
        return navigate(FramesAssert.class, Frames.class, actual.all());
    }

    /** The frames captured after the first {@code mark}. */
    public FramesAssert framesSince(int mark) {
        isNotNull();
        return navigate(FramesAssert.class, Frames.class, actual.since(mark));
    }

    /** Every ARP frame. */
    public ArpFramesAssert arp() {
        isNotNull();
        return navigate(ArpFramesAssert.class, ArpFrames.class, actual.arp());
    }

    /** Every ARP request. */
    public ArpFramesAssert arpRequests() {
        isNotNull();
        return navigate(ArpFramesAssert.class, ArpFrames.class, actual.arpRequests());
    }

    /** Every ARP reply. */
    public ArpFramesAssert arpReplies() {
        isNotNull();
        return navigate(ArpFramesAssert.class, ArpFrames.class, actual.arpReplies());
    }

    /** Every IPv4 frame. */
    public IpFramesAssert ip() {
        isNotNull();
        return navigate(IpFramesAssert.class, IpFrames.class, actual.ip());
    }

    /** Every ICMP message. */
    public IpFramesAssert icmp() {
        isNotNull();
        return navigate(IpFramesAssert.class, IpFrames.class, actual.icmp());
    }

    /** Every TCP segment. */
    public IpFramesAssert tcp() {
        isNotNull();
        return navigate(IpFramesAssert.class, IpFrames.class, actual.tcp());
    }
}
