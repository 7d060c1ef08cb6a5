package dev.lvsunit.engine.ipvs;

/**
 * Counters of a service or real server ({@code struct ip_vs_stats}) and their
 * rate estimator ({@code ip_vs_est.c}).
 *
 * <p>The estimator runs every 2 s ({@code estimation_timer}) and keeps
 * exponentially weighted averages with the kernel's fixed-point arithmetic:
 * rates scaled by 2^10 (connections, packets) and 2^5 (bytes), each update
 * moving a quarter of the way to the rate of the last 2 s.
 */
public final class IpvsStats {

    private long conns;
    private long inPkts;
    private long outPkts;
    private long inBytes;
    private long outBytes;

    private long lastConns;
    private long lastInPkts;
    private long lastOutPkts;
    private long lastInBytes;
    private long lastOutBytes;
    private long cps;
    private long inpps;
    private long outpps;
    private long inbps;
    private long outbps;

    public long conns() {
        return conns;
    }

    public long inPkts() {
        return inPkts;
    }

    public long outPkts() {
        return outPkts;
    }

    public long inBytes() {
        return inBytes;
    }

    public long outBytes() {
        return outBytes;
    }

    /** Connections per second as {@code ip_vs_read_estimator} reports it. */
    public long cps() {
        return (cps + 0x1FF) >> 10;
    }

    public long inPps() {
        return (inpps + 0x1FF) >> 10;
    }

    public long outPps() {
        return (outpps + 0x1FF) >> 10;
    }

    public long inBps() {
        return (inbps + 0xF) >> 5;
    }

    public long outBps() {
        return (outbps + 0xF) >> 5;
    }

    void countConn() {
        conns++;
    }

    void countIn(int bytes) {
        inPkts++;
        inBytes += bytes;
    }

    void countOut(int bytes) {
        outPkts++;
        outBytes += bytes;
    }

    /** {@code ip_vs_chain_estimation}: one 2-second step. */
    void estimate() {
        long rate = (conns - lastConns) << 9;
        lastConns = conns;
        cps += (rate - cps) >> 2;
        rate = (inPkts - lastInPkts) << 9;
        lastInPkts = inPkts;
        inpps += (rate - inpps) >> 2;
        rate = (outPkts - lastOutPkts) << 9;
        lastOutPkts = outPkts;
        outpps += (rate - outpps) >> 2;
        rate = (inBytes - lastInBytes) << 4;
        lastInBytes = inBytes;
        inbps += (rate - inbps) >> 2;
        rate = (outBytes - lastOutBytes) << 4;
        lastOutBytes = outBytes;
        outbps += (rate - outbps) >> 2;
    }

    /** {@code ip_vs_zero_stats}: counters and rates back to 0. */
    void zero() {
        conns = inPkts = outPkts = inBytes = outBytes = 0;
        lastConns = lastInPkts = lastOutPkts = lastInBytes = lastOutBytes = 0;
        cps = inpps = outpps = inbps = outbps = 0;
    }
}
