package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_nq.c}: never queue. The first usable real server without
 * active connections is taken at once; otherwise the sed rule
 * ({@code (active + 1) / weight}, ties to the earlier).
 */
final class NqScheduler implements Scheduler {

    @Override
    public String name() {
        return "nq";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer least = null;
        long loh = 0;
        for (RealServer d : svc.destinations) {
            if (d.overloaded || d.weight == 0) {
                continue;
            }
            long doh = d.activeConns + 1L;
            if (d.activeConns == 0) {
                return d;
            }
            if (least == null || loh * d.weight > doh * least.weight) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
