package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_wlc.c}: weighted least connection. The first usable real
 * server in list order is the candidate; a later one replaces it only when
 * {@code loh * w_dest > doh * w_least} (64-bit products), so ties keep the
 * earlier one. Overhead is {@code active * 256 + inactive}.
 */
final class WlcScheduler implements Scheduler {

    @Override
    public String name() {
        return "wlc";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        return leastWeighted(svc.destinations);
    }

    /** The wlc comparison, shared by lblc and lblcr ({@code __ip_vs_lblc_schedule}). */
    static RealServer leastWeighted(java.util.List<RealServer> list) {
        int i = 0;
        RealServer least = null;
        for (; i < list.size(); i++) {
            RealServer d = list.get(i);
            if (Scheduler.usable(d)) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        long loh = least.overhead();
        for (i++; i < list.size(); i++) {
            RealServer d = list.get(i);
            if (d.overloaded) {
                continue;
            }
            long doh = d.overhead();
            if (loh * d.weight > doh * least.weight) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
