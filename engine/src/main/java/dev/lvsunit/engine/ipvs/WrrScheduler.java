package dev.lvsunit.engine.ipvs;

import java.util.List;

/**
 * {@code ip_vs_wrr.c}: weighted round robin. State: {@code cl} (position),
 * {@code cw} (current weight), {@code mw} (max weight minus (gcd - 1)),
 * {@code di} (gcd of positive weights). Each round visits the list with
 * {@code cw} stepping down by {@code di}; a real server is picked when its
 * weight is at least {@code cw}.
 */
final class WrrScheduler implements DestChangedScheduler {

    private RealServer cl;
    private int cw;
    private int mw;
    private int di;

    @Override
    public String name() {
        return "wrr";
    }

    /** {@code ip_vs_wrr_init_svc}. */
    @Override
    public void init(VirtualService svc) {
        cl = null;
        di = gcdWeight(svc);
        mw = maxWeight(svc) - (di - 1);
        cw = mw;
    }

    /** {@code ip_vs_wrr_dest_changed}. */
    @Override
    public void destChanged(VirtualService svc) {
        cl = null;
        di = gcdWeight(svc);
        mw = maxWeight(svc) - (di - 1);
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    /** {@code ip_vs_wrr_schedule}. */
    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        List<RealServer> list = svc.destinations;
        if (mw == 0) {
            return null;
        }
        int pos = cl == null ? -1 : list.indexOf(cl);
        int last = pos;
        int stop = Integer.MIN_VALUE; // "NULL"
        boolean lastPass = false;
        boolean restarted = false;
        while (true) {
            for (int i = pos + 1; i < list.size(); i++) {
                RealServer d = list.get(i);
                if (!d.overloaded && d.weight >= cw) {
                    cl = d;
                    return d;
                }
                if (i == stop) {
                    return null;
                }
            }
            pos = -1; // list_for_each_entry_continue ended on the head
            cw -= di;
            if (cw <= 0) {
                cw = mw;
                if (lastPass || last == -1) {
                    return null;
                }
                restarted = true;
            }
            lastPass = cw <= di;
            if (lastPass && restarted && last != -1) {
                stop = last;
            }
        }
    }

    private static int gcdWeight(VirtualService svc) {
        int g = 0;
        for (RealServer d : svc.destinations) {
            int w = d.weight;
            if (w > 0) {
                g = g > 0 ? gcd(w, g) : w;
            }
        }
        return g == 0 ? 1 : g;
    }

    private static int maxWeight(VirtualService svc) {
        int m = 0;
        for (RealServer d : svc.destinations) {
            m = Math.max(m, d.weight);
        }
        return m;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
