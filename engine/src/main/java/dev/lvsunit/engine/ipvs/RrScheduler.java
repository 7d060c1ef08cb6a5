package dev.lvsunit.engine.ipvs;

import java.util.List;

/**
 * {@code ip_vs_rr.c}: round robin. A cursor remembers the last pick (initially
 * the list head); each schedule walks on from it, wrapping once, to the first
 * real server that is not overloaded and has weight above 0. Weights are
 * otherwise ignored.
 */
final class RrScheduler implements Scheduler {

    /** {@code svc->sched_data}: the last pick, or {@code null} for the list head. */
    private RealServer cursor;

    @Override
    public String name() {
        return "rr";
    }

    @Override
    public void init(VirtualService svc) {
        cursor = null;
    }

    /** {@code ip_vs_rr_del_dest}: a cursor on the removed entry moves to the entry before it. */
    @Override
    public void delDest(VirtualService svc, RealServer dest, int oldIndex) {
        if (cursor == dest) {
            cursor = oldIndex == 0 ? null : svc.destinations.get(oldIndex - 1);
        }
    }

    /** {@code ip_vs_rr_schedule}. */
    @Override
    public RealServer schedule(VirtualService svc, Flow flow) {
        List<RealServer> list = svc.destinations;
        int last = cursor == null ? -1 : list.indexOf(cursor);
        for (int i = last + 1; i < list.size(); i++) {
            if (Scheduler.usable(list.get(i))) {
                cursor = list.get(i);
                return cursor;
            }
        }
        if (last >= 0) {
            // second pass from the head, up to and including the previous pick
            for (int i = 0; i <= last; i++) {
                if (Scheduler.usable(list.get(i))) {
                    cursor = list.get(i);
                    return cursor;
                }
            }
        }
        return null;
    }
}
