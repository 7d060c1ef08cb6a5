package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_sed.c}: shortest expected delay. Like wlc, but the overhead is
 * {@code active + 1}: inactive connections do not count, and with all servers
 * idle the heaviest one wins.
 */
final class SedScheduler implements Scheduler {

    @Override
    public String name() {
        return "sed";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        var list = svc.destinations;
        int i = 0;
        RealServer least = null;
        for (; i < list.size(); i++) {
            if (Scheduler.usable(list.get(i))) {
                least = list.get(i);
                break;
            }
        }
        if (least == null) {
            return null;
        }
        long loh = least.activeConns + 1L;
        for (i++; i < list.size(); i++) {
            RealServer d = list.get(i);
            if (d.overloaded) {
                continue;
            }
            long doh = d.activeConns + 1L;
            if (loh * d.weight > doh * least.weight) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
