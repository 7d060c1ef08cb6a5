package dev.lvsunit.engine.link;

/** The counters of {@code struct rtnl_link_stats64} that ifconfig and {@code ip -s} print. */
public final class DeviceStats {
    long rxPackets;
    long rxBytes;
    long txPackets;
    long txBytes;
    long rxDropped;

    public long rxPackets() {
        return rxPackets;
    }

    public long rxBytes() {
        return rxBytes;
    }

    public long txPackets() {
        return txPackets;
    }

    public long txBytes() {
        return txBytes;
    }

    public long rxDropped() {
        return rxDropped;
    }
}
