package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.capture.ArpFrames;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.junit.internal.FrameText;
import java.util.List;

/**
 * Assertions on ARP frames:
 *
 * <pre>{@code
 * assertThat(capture).arpReplies().forTarget(vip).allFrom(director.eth0());
 * assertThat(capture).arpRequests().sentBy(rs1.eth0()).noneWithSenderIp(vip);
 * }</pre>
 */
public class ArpFramesAssert extends AbstractFrameSelectionAssert<ArpFramesAssert, ArpFrames> {

    public ArpFramesAssert(ArpFrames actual) {
        super(actual, ArpFramesAssert.class);
    }

    @Override
    Class<ArpFramesAssert> selfClass() {
        return ArpFramesAssert.class;
    }

    @Override
    Class<ArpFrames> actualClass() {
        return ArpFrames.class;
    }

    private static ArpPacket arp(CapturedFrame f) {
        return (ArpPacket) f.frame().payload();
    }

    /** Requests only. */
    public ArpFramesAssert requests() {
        isNotNull();
        return on(actual.requests());
    }

    /** Replies only. */
    public ArpFramesAssert replies() {
        isNotNull();
        return on(actual.replies());
    }

    /** The frames about {@code address}: requests asking for it, replies answering for it. */
    public ArpFramesAssert forTarget(Ipv4Address address) {
        isNotNull();
        return on(actual.forTarget(address));
    }

    /** {@link #forTarget(Ipv4Address)} of a dotted quad. */
    public ArpFramesAssert forTarget(String address) {
        return forTarget(Ipv4Address.parse(address));
    }

    /** The frames whose ARP sender address is {@code address}. */
    public ArpFramesAssert withSenderIp(Ipv4Address address) {
        isNotNull();
        return on(actual.withSenderIp(address));
    }

    /** The gratuitous ones. */
    public ArpFramesAssert gratuitous() {
        isNotNull();
        return on(actual.gratuitous());
    }

    /**
     * None carries {@code address} as its sender address: with
     * {@code arp_announce=2} a real server's requests never say {@code tell VIP}.
     */
    public ArpFramesAssert noneWithSenderIp(Ipv4Address address) {
        isNotNull();
        List<CapturedFrame> with = select(f -> arp(f).senderIp().equals(address));
        if (!with.isEmpty()) {
            failWithMessage("%s", "Expecting none of the " + actual.description() + " to carry sender address "
                    + address + ", but " + with.size() + " did:\n" + FrameText.lines(with, "  "));
        }
        return myself;
    }

    /** There is at least one, and every one says the address is at {@code mac} (sender MAC). */
    public ArpFramesAssert allHaveSenderMac(MacAddress mac) {
        isNotNull();
        isNotEmpty();
        List<CapturedFrame> others = select(f -> !arp(f).senderMac().equals(mac));
        if (!others.isEmpty()) {
            failWithActualExpectedAndMessage(actual.senderMacs(), List.of(mac), "%s", "Expecting all "
                    + actual.description() + " to have sender MAC " + mac + ", but " + others.size() + " of "
                    + actual.size() + " did not:\n" + FrameText.lines(others, "  "));
        }
        return myself;
    }
}
