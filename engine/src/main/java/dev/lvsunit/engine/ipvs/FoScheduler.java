package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_fo.c}: weighted failover. The non-overloaded real server with
 * the highest weight (above 0); ties to the earlier in list order.
 */
final class FoScheduler implements Scheduler {

    @Override
    public String name() {
        return "fo";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer hweight = null;
        int hw = 0;
        for (RealServer d : svc.destinations) {
            if (!d.overloaded && d.weight > hw) {
                hweight = d;
                hw = d.weight;
            }
        }
        return hweight;
    }
}
