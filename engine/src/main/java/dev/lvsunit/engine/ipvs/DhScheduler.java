package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_dh.c}: destination hashing. 256 buckets filled round robin,
 * one per real server whatever its weight ({@code ip_vs_dh_reassign}); the key
 * is {@code (daddr * 2654435761) & 255}. An unusable bucket gives no
 * destination.
 */
final class DhScheduler implements DestChangedScheduler {

    private final RealServer[] buckets = new RealServer[ShScheduler.TAB_SIZE];

    @Override
    public String name() {
        return "dh";
    }

    /** {@code ip_vs_dh_dest_changed} → {@code ip_vs_dh_reassign}. */
    @Override
    public void destChanged(VirtualService svc) {
        var list = svc.destinations;
        int p = 0;
        for (int i = 0; i < buckets.length; i++) {
            if (list.isEmpty()) {
                buckets[i] = null;
                continue;
            }
            if (p == list.size()) {
                p = 0;
            }
            buckets[i] = list.get(p++);
        }
    }

    /** {@code ip_vs_dh_hashkey}. */
    static int hashkey(int addr) {
        return (int) (((addr & 0xffffffffL) * 2654435761L) & ShScheduler.TAB_MASK);
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer d = buckets[hashkey(flow.destination().bits())];
        if (d == null || !d.available || d.weight <= 0 || d.overloaded) {
            return null;
        }
        return d;
    }
}
