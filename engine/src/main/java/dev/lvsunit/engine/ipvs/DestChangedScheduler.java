package dev.lvsunit.engine.ipvs;

/**
 * A scheduler that works out its state again from the whole real-server list
 * on every change: the modules whose {@code add_dest}, {@code del_dest} and
 * {@code upd_dest} all point at one {@code ip_vs_*_dest_changed}
 * ({@code ip_vs_sh.c}, {@code ip_vs_dh.c}, {@code ip_vs_mh.c},
 * {@code ip_vs_wrr.c}), and whose {@code init_service} does the same unless
 * the scheduler says otherwise.
 */
interface DestChangedScheduler extends Scheduler {

    /** {@code ip_vs_*_dest_changed}: the list or a weight changed. */
    void destChanged(VirtualService svc);

    @Override
    default void init(VirtualService svc) {
        destChanged(svc);
    }

    @Override
    default void addDest(VirtualService svc, RealServer dest) {
        destChanged(svc);
    }

    @Override
    default void delDest(VirtualService svc, RealServer dest, int oldIndex) {
        destChanged(svc);
    }

    @Override
    default void updDest(VirtualService svc, RealServer dest) {
        destChanged(svc);
    }
}
