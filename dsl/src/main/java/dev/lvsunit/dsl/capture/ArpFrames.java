package dev.lvsunit.dsl.capture;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** ARP frames: requests, replies, or both. */
public final class ArpFrames extends FrameSelection<ArpFrames> {

    public ArpFrames(List<CapturedFrame> frames, String description) {
        super(frames, description);
        for (CapturedFrame f : frames) {
            if (!(f.frame().payload() instanceof ArpPacket)) {
                throw new IllegalArgumentException("not an ARP frame: " + f);
            }
        }
    }

    @Override
    protected ArpFrames select(List<CapturedFrame> frames, String description) {
        return new ArpFrames(frames, description);
    }

    private static ArpPacket arp(CapturedFrame f) {
        return (ArpPacket) f.frame().payload();
    }

    /** The ARP packets, in order. */
    public List<ArpPacket> packets() {
        List<ArpPacket> out = new ArrayList<>();
        for (CapturedFrame f : this) {
            out.add(arp(f));
        }
        return out;
    }

    /** Requests only ({@code who-has}). */
    public ArpFrames requests() {
        return matching(f -> arp(f).isRequest(), "that are requests");
    }

    /** Replies only ({@code is-at}). */
    public ArpFrames replies() {
        return matching(f -> arp(f).isReply(), "that are replies");
    }

    /**
     * The frames about {@code address}: requests asking for it (target
     * address) and replies giving its MAC (sender address).
     */
    public ArpFrames forTarget(Ipv4Address address) {
        return matching(f -> arp(f).isRequest() ? arp(f).targetIp().equals(address) : arp(f).senderIp().equals(address),
                "for " + address);
    }

    /** {@link #forTarget(Ipv4Address)} of a dotted-quad literal. */
    public ArpFrames forTarget(String address) {
        return forTarget(Ipv4Address.parse(address));
    }

    /** Frames whose ARP sender address is {@code address} ({@code tell ADDRESS} in a request). */
    public ArpFrames withSenderIp(Ipv4Address address) {
        return matching(f -> arp(f).senderIp().equals(address), "with sender address " + address);
    }

    /** Frames whose ARP target address is {@code address}. */
    public ArpFrames withTargetIp(Ipv4Address address) {
        return matching(f -> arp(f).targetIp().equals(address), "with target address " + address);
    }

    /** Frames whose ARP sender MAC ({@code sha}) is {@code mac}. */
    public ArpFrames withSenderMac(MacAddress mac) {
        return matching(f -> arp(f).senderMac().equals(mac), "with sender MAC " + mac);
    }

    /** Gratuitous ARP: sender and target address equal. */
    public ArpFrames gratuitous() {
        return matching(f -> arp(f).senderIp().equals(arp(f).targetIp()), "that are gratuitous");
    }

    /** The distinct sender MACs ({@code sha}), in order of first appearance. */
    public List<MacAddress> senderMacs() {
        LinkedHashSet<MacAddress> macs = new LinkedHashSet<>();
        for (CapturedFrame f : this) {
            macs.add(arp(f).senderMac());
        }
        return List.copyOf(macs);
    }

    /** The distinct sender addresses ({@code spa}), in order of first appearance. */
    public List<Ipv4Address> senderIps() {
        LinkedHashSet<Ipv4Address> ips = new LinkedHashSet<>();
        for (CapturedFrame f : this) {
            ips.add(arp(f).senderIp());
        }
        return List.copyOf(ips);
    }
}
