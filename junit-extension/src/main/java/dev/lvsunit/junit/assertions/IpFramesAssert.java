package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.capture.IpFrames;
import dev.lvsunit.engine.net.Ipv4Address;

/**
 * Assertions on IPv4 frames (ICMP, TCP, UDP):
 *
 * <pre>{@code
 * // LVS-DR: the director hands the client's SYN to the real server's MAC, VIP unchanged
 * assertThat(capture).tcp().to(vip).sentBy(director.eth0()).allTo(rs1.eth0().mac());
 * }</pre>
 */
public class IpFramesAssert extends AbstractFrameSelectionAssert<IpFramesAssert, IpFrames> {

    public IpFramesAssert(IpFrames actual) {
        super(actual, IpFramesAssert.class);
    }

    @Override
    Class<IpFramesAssert> selfClass() {
        return IpFramesAssert.class;
    }

    @Override
    Class<IpFrames> actualClass() {
        return IpFrames.class;
    }

    /** Datagrams from {@code address}. */
    public IpFramesAssert from(Ipv4Address address) {
        isNotNull();
        return on(actual.from(address));
    }

    /** Datagrams to {@code address}. */
    public IpFramesAssert to(Ipv4Address address) {
        isNotNull();
        return on(actual.to(address));
    }

    /** ICMP echo requests. */
    public IpFramesAssert echoRequests() {
        isNotNull();
        return on(actual.echoRequests());
    }

    /** ICMP echo replies. */
    public IpFramesAssert echoReplies() {
        isNotNull();
        return on(actual.echoReplies());
    }

    /** ICMP destination-unreachable errors. */
    public IpFramesAssert unreachables() {
        isNotNull();
        return on(actual.unreachables());
    }

    /** TCP or UDP to {@code port}. */
    public IpFramesAssert toPort(int port) {
        isNotNull();
        return on(actual.toPort(port));
    }

    /** TCP segments with all of {@code flags} set. */
    public IpFramesAssert withTcpFlags(int flags) {
        isNotNull();
        return on(actual.withTcpFlags(flags));
    }
}
