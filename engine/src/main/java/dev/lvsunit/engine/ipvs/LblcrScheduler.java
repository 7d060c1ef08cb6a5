package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ip_vs_lblcr.c}: locality-based least connection with replication.
 * Each destination address maps to a set of real servers (newest first); the
 * least loaded member (wlc metric) serves; when it is overloaded in the lblc
 * sense the wlc choice over the whole service joins the set; a set of more
 * than one that has not changed for {@code lblcr_expiration} drops its most
 * loaded member.
 */
final class LblcrScheduler implements Scheduler {

    private final SchedulerEnv env;
    private final Map<Ipv4Address, Entry> table = new HashMap<>();

    private static final class Entry {
        final List<RealServer> set = new ArrayList<>();
        long lastMod;
        long lastUse;

        void insert(RealServer d, boolean check, long now) {
            if (check && set.contains(d)) {
                return;
            }
            set.add(0, d);
            lastMod = now;
        }
    }

    LblcrScheduler(SchedulerEnv env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "lblcr";
    }

    /** {@code ip_vs_dest_set_min}. */
    private static RealServer setMin(List<RealServer> set) {
        int i = 0;
        RealServer least = null;
        for (; i < set.size(); i++) {
            RealServer d = set.get(i);
            if (d.overloaded) {
                continue;
            }
            if (d.weight > 0 && d.available) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        long loh = least.overhead();
        for (i++; i < set.size(); i++) {
            RealServer d = set.get(i);
            if (d.overloaded) {
                continue;
            }
            long doh = d.overhead();
            if (loh * d.weight > doh * least.weight && d.available) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /** {@code ip_vs_dest_set_max}. */
    private static RealServer setMax(List<RealServer> set) {
        int i = 0;
        RealServer most = null;
        for (; i < set.size(); i++) {
            if (set.get(i).weight > 0) {
                most = set.get(i);
                break;
            }
        }
        if (most == null) {
            return null;
        }
        long moh = most.overhead();
        for (i++; i < set.size(); i++) {
            RealServer d = set.get(i);
            long doh = d.overhead();
            if (moh * d.weight < doh * most.weight && d.weight > 0) {
                most = d;
                moh = doh;
            }
        }
        return most;
    }

    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        long now = env.now();
        long expiration = Durations.seconds(env.lblcrExpiration());
        Entry en = table.get(flow.destination());
        if (en != null && now - en.lastUse > expiration) {
            table.remove(flow.destination());
            en = null;
        }
        if (en != null) {
            en.lastUse = now;
            RealServer d = setMin(en.set);
            if (en.set.size() > 1 && now > en.lastMod + expiration) {
                RealServer m = setMax(en.set);
                if (m != null) {
                    en.set.remove(m);
                }
            }
            if (d != null && !LblcScheduler.lblcOverloaded(d, svc)) {
                return d;
            }
            d = WlcScheduler.leastWeighted(svc.destinations);
            if (d == null) {
                return null;
            }
            en.insert(d, true, now);
            return d;
        }
        RealServer d = WlcScheduler.leastWeighted(svc.destinations);
        if (d == null) {
            return null;
        }
        en = new Entry();
        en.insert(d, false, now);
        en.lastUse = now;
        table.put(flow.destination(), en);
        return d;
    }

    /** Drops a deleted real server from every set ({@code ip_vs_lblcr_flush} is per service; sets keep trash). */
    @Override
    public void delDest(VirtualService svc, RealServer dest, int oldIndex) {
        // The kernel keeps the (unavailable) dest in the sets; setMin skips it. Nothing to do.
    }
}
