package dev.lvsunit.engine.ipvs;

/**
 * {@code ip_vs_lc.c}: least connection. Skips overloaded and weight-0 real
 * servers and picks the smallest {@code active * 256 + inactive}; the first in
 * list order wins a tie (strict {@code <}).
 */
final class LcScheduler implements Scheduler {

    @Override
    public String name() {
        return "lc";
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        RealServer least = null;
        long loh = 0;
        for (RealServer d : svc.destinations) {
            if (d.overloaded || d.weight == 0) {
                continue;
            }
            long doh = d.overhead();
            if (least == null || doh < loh) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}
