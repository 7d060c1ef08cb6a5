package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_sh.c}: source hashing over a 256-bucket table. The table is
 * filled walking the list in order, each real server taking {@code weight}
 * consecutive buckets (at least one), wrapping until all are taken
 * ({@code ip_vs_sh_reassign}). The key is
 * {@code hash_32(sport + saddr, 8)} with {@code sport} only under
 * {@code sh-port}; with {@code sh-fallback} an unusable bucket is followed by
 * re-hashes with offsets ({@code ip_vs_sh_get_fallback}).
 */
final class ShScheduler implements DestChangedScheduler {

    static final int TAB_BITS = 8;
    static final int TAB_SIZE = 1 << TAB_BITS;
    static final int TAB_MASK = TAB_SIZE - 1;

    private final RealServer[] buckets = new RealServer[TAB_SIZE];

    @Override
    public String name() {
        return "sh";
    }

    /** {@code ip_vs_sh_dest_changed} → {@code ip_vs_sh_reassign}. */
    @Override
    public void destChanged(VirtualService svc) {
        var list = svc.destinations;
        int p = 0;
        int count = 0;
        for (int i = 0; i < TAB_SIZE; i++) {
            if (list.isEmpty()) {
                buckets[i] = null;
                continue;
            }
            if (p == list.size()) {
                p = 0;
            }
            RealServer d = list.get(p);
            buckets[i] = d;
            if (++count >= d.weight) {
                p++;
                count = 0;
            }
        }
    }

    /** {@code hash_32(val, bits)}: the golden-ratio multiplicative hash of {@code include/linux/hash.h}. */
    static int hash32(int val, int bits) {
        return (val * 0x61C88647) >>> (32 - bits);
    }

    /** {@code ip_vs_sh_hashkey}. */
    static int hashkey(Flow flow, int port, int offset) {
        return (offset + hash32(port + flow.source().bits(), TAB_BITS)) & TAB_MASK;
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        int port = svc.hasFlag(ServiceSettings.SCHED2) ? flow.sourcePort() : 0;
        if (svc.hasFlag(ServiceSettings.SCHED1)) {
            int ihash = hashkey(flow, port, 0);
            RealServer d = buckets[ihash];
            if (d == null) {
                return null;
            }
            if (Scheduler.usable(d)) {
                return d;
            }
            for (int offset = 0; offset < TAB_SIZE; offset++) {
                int roffset = (offset + ihash) % TAB_SIZE;
                d = buckets[hashkey(flow, port, roffset)];
                if (d != null && Scheduler.usable(d)) {
                    return d;
                }
            }
            return null;
        }
        RealServer d = buckets[hashkey(flow, port, 0)];
        return d == null || !Scheduler.usable(d) ? null : d;
    }

    /** The table, for tests. */
    RealServer bucket(int i) {
        return buckets[i];
    }
}
