package dev.lvsunit.engine.ipvs;

import java.util.BitSet;
import java.util.List;

/**
 * {@code ip_vs_mh.c}: maglev hashing over a table of 65521 slots
 * ({@code CONFIG_IP_VS_MH_TAB_INDEX} 12). Each real server gets a preference
 * permutation from two hashes of its address and port; the table is populated
 * round robin in list order, each real server claiming its next free
 * preferred slot {@code turns} times per round, where turns come from
 * {@code last_weight} (so a quiesced server keeps its slots). The hashes are
 * {@code hsiphash} with the module's fixed keys: on 64-bit kernels that is
 * SipHash-1-3 of one 32-bit word, reproduced here bit for bit.
 */
final class MhScheduler implements DestChangedScheduler {

    static final int TAB_SIZE = 65521;
    /** {@code IP_VS_MH_TAB_BITS} = {@code CONFIG_IP_VS_MH_TAB_INDEX / 2}. */
    static final int TAB_BITS = 6;
    static final long KEY1 = 2654435761L;
    static final long KEY2 = 2654446892L;

    private final RealServer[] lookup = new RealServer[TAB_SIZE];
    private int gcd;
    private int rshift;

    @Override
    public String name() {
        return "mh";
    }

    /** {@code ip_vs_mh_dest_changed}. */
    @Override
    public void destChanged(VirtualService svc) {
        gcd = gcdWeight(svc);
        rshift = shiftWeight(svc, gcd);
        reassign(svc);
    }

    private static int gcdWeight(VirtualService svc) {
        int g = 0;
        for (RealServer d : svc.destinations) {
            int w = d.lastWeight;
            if (w > 0) {
                g = g > 0 ? WrrScheduler.gcd(w, g) : w;
            }
        }
        return g;
    }

    private static int shiftWeight(VirtualService svc, int gcd) {
        if (gcd < 1) {
            return 0;
        }
        int weight = 0;
        for (RealServer d : svc.destinations) {
            weight = Math.max(weight, d.lastWeight);
        }
        int mw = weight / gcd;
        int fls = 32 - Integer.numberOfLeadingZeros(mw);
        int shift = fls - TAB_BITS;
        return Math.max(shift, 0);
    }

    /** {@code ip_vs_mh_permutate} and {@code ip_vs_mh_populate}. */
    private void reassign(VirtualService svc) {
        List<RealServer> list = svc.destinations;
        if (gcd < 1) {
            java.util.Arrays.fill(lookup, null);
            return;
        }
        int n = list.size();
        int[] offset = new int[n];
        int[] skip = new int[n];
        int[] perm = new int[n];
        int[] turns = new int[n];
        for (int i = 0; i < n; i++) {
            RealServer d = list.get(i);
            offset[i] = (int) (hashkey(d.address().bits(), d.port(), KEY1, 0) % TAB_SIZE);
            skip[i] = (int) (hashkey(d.address().bits(), d.port(), KEY2, 0) % (TAB_SIZE - 1)) + 1;
            perm[i] = offset[i];
            int lw = d.lastWeight;
            int t = (lw / gcd) >> rshift;
            turns[i] = t != 0 ? t : (lw != 0 ? 1 : 0);
        }
        BitSet table = new BitSet(TAB_SIZE);
        int filled = 0;
        int dtCount = 0;
        while (filled < TAB_SIZE) {
            for (int p = 0; p < n; ) {
                if (turns[p] < 1) {
                    p++;
                    continue;
                }
                int c = perm[p];
                while (table.get(c)) {
                    perm[p] += skip[p];
                    if (perm[p] >= TAB_SIZE) {
                        perm[p] -= TAB_SIZE;
                    }
                    c = perm[p];
                }
                table.set(c);
                lookup[c] = list.get(p);
                if (++filled == TAB_SIZE) {
                    return;
                }
                if (++dtCount >= turns[p]) {
                    dtCount = 0;
                    p++;
                }
            }
        }
    }

    /** {@code ip_vs_mh_hashkey}: {@code hsiphash} of {@code offset + port + addr} (host order), unsigned. */
    static long hashkey(int addr, int port, long key, int offset) {
        int v = offset + port + addr;
        return hsiphash32(v, key, key);
    }

    /**
     * {@code hsiphash} of a 4-byte buffer on a 64-bit kernel
     * ({@code lib/siphash.c}: HalfSipHash is SipHash-1-3 there, the result
     * truncated to 32 bits).
     */
    static long hsiphash32(int value, long k0, long k1) {
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        long b = (4L << 56) | (value & 0xffffffffL);
        v3 ^= b;
        long[] v = {v0, v1, v2, v3};
        sipround(v);
        v[0] ^= b;
        v[2] ^= 0xff;
        sipround(v);
        sipround(v);
        sipround(v);
        return ((v[0] ^ v[1]) ^ (v[2] ^ v[3])) & 0xffffffffL;
    }

    private static void sipround(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }

    /** {@code ip_vs_mh_schedule} with {@code ip_vs_mh_get} / {@code ip_vs_mh_get_fallback}. */
    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        int port = svc.hasFlag(ServiceSettings.SCHED2) ? flow.sourcePort() : 0;
        int addr = flow.source().bits();
        int ihash = (int) (hashkey(addr, port, KEY1, 0) % TAB_SIZE);
        RealServer d = lookup[ihash];
        if (!svc.hasFlag(ServiceSettings.SCHED1)) {
            return d == null || !Scheduler.usable(d) ? null : d;
        }
        if (d == null) {
            return null;
        }
        if (Scheduler.usable(d)) {
            return d;
        }
        for (int offset = 0; offset < TAB_SIZE; offset++) {
            int roffset = (offset + ihash) % TAB_SIZE;
            int hash = (int) (hashkey(addr, port, KEY1, roffset) % TAB_SIZE);
            d = lookup[hash];
            if (d == null) {
                break;
            }
            if (Scheduler.usable(d)) {
                return d;
            }
        }
        return null;
    }

    /** The slot a client lands on, for tests. */
    RealServer slot(int i) {
        return lookup[i];
    }
}
