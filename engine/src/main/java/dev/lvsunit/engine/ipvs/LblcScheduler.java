package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Durations;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ip_vs_lblc.c}: locality-based least connection, keyed by the
 * packet's destination address. A cached server is reused while it is
 * available, has weight above 0 and is not overloaded in the lblc sense
 * ({@link #lblcOverloaded}); otherwise wlc picks one and the cache remembers
 * it. Entries unused for {@code lblc_expiration} are forgotten (the kernel's
 * collector runs every minute; here an expired entry is dropped when it is
 * next looked up).
 */
final class LblcScheduler implements Scheduler {

    private final SchedulerEnv env;
    private final Map<Ipv4Address, Entry> table = new HashMap<>();

    private static final class Entry {
        RealServer dest;
        long lastUse;
    }

    LblcScheduler(SchedulerEnv env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "lblc";
    }

    /**
     * {@code is_overloaded} of lblc/lblcr: more active connections than its
     * weight while some server of the service has {@code active * 2 < weight}.
     */
    static boolean lblcOverloaded(RealServer dest, VirtualService svc) {
        if (dest.activeConns > dest.weight) {
            for (RealServer d : svc.destinations) {
                if (d.activeConns * 2 < d.weight) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        long now = env.now();
        Entry en = table.get(flow.destination());
        if (en != null && now - en.lastUse > Durations.seconds(env.lblcExpiration())) {
            table.remove(flow.destination());
            en = null;
        }
        if (en != null) {
            en.lastUse = now;
            RealServer d = en.dest;
            if (d.available && d.weight > 0 && !lblcOverloaded(d, svc)) {
                return d;
            }
        }
        RealServer d = WlcScheduler.leastWeighted(svc.destinations);
        if (d == null) {
            return null;
        }
        if (en == null) {
            en = new Entry();
            table.put(flow.destination(), en);
        }
        en.dest = d;
        en.lastUse = now;
        return d;
    }
}
