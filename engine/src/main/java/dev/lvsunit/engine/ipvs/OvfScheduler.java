package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_ovf.c}: overflow. Among real servers that are not overloaded,
 * have weight {@code w > 0} and at most {@code w} active connections, the
 * highest weight; ties to the earlier in list order.
 */
final class OvfScheduler implements Scheduler {

    @Override
    public String name() {
        return "ovf";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer h = null;
        for (RealServer d : svc.destinations) {
            int w = d.weight;
            if (d.overloaded || d.activeConns > w || w == 0) {
                continue;
            }
            if (h == null || w > h.weight) {
                h = d;
            }
        }
        return h;
    }
}
