package dev.lvsunit.engine.ipvs;

import java.util.Optional;
import java.util.function.Function;

/**
 * A scheduling module ({@code struct ip_vs_scheduler}): picks the real server
 * for a new connection. Each implementation mirrors its kernel file and walks
 * {@link VirtualService#destinations} in list order (newest first), which
 * decides every tie.
 */
interface Scheduler {

    /** The name {@code ipvsadm -s} uses. */
    String name();

    /** {@code init_service}: bound to a service that may already have real servers. */
    default void init(VirtualService svc) {
    }

    /** {@code add_dest}: a real server was linked at the head of the list. */
    default void addDest(VirtualService svc, RealServer dest) {
    }

    /** {@code del_dest}: a real server was unlinked from position {@code oldIndex}. */
    default void delDest(VirtualService svc, RealServer dest, int oldIndex) {
    }

    /** {@code upd_dest}: a real server's weight or thresholds changed. */
    default void updDest(VirtualService svc, RealServer dest) {
    }

    /** {@code schedule}: the real server for a new connection, or {@code null} for none available. */
    RealServer schedule(VirtualService svc, Flow flow);

    /** The scheduler named {@code name}, as {@code ip_vs_scheduler_get} finds the module. */
    static Optional<Scheduler> create(String name, SchedulerEnv env) {
        Function<SchedulerEnv, Scheduler> f = switch (name) {
            case "rr" -> e -> new RrScheduler();
            case "wrr" -> e -> new WrrScheduler();
            case "lc" -> e -> new LcScheduler();
            case "wlc" -> e -> new WlcScheduler();
            case "sed" -> e -> new SedScheduler();
            case "nq" -> e -> new NqScheduler();
            case "fo" -> e -> new FoScheduler();
            case "ovf" -> e -> new OvfScheduler();
            case "sh" -> e -> new ShScheduler();
            case "dh" -> e -> new DhScheduler();
            case "mh" -> e -> new MhScheduler();
            case "lblc" -> LblcScheduler::new;
            case "lblcr" -> LblcrScheduler::new;
            case "twos" -> TwosScheduler::new;
            default -> null;
        };
        return f == null ? Optional.empty() : Optional.of(f.apply(env));
    }

    /**
     * Usable for new work in almost every scheduler: not overloaded and weight
     * above 0 (the opposite of {@code is_unavailable} in {@code ip_vs_sh.c}
     * and {@code ip_vs_mh.c}).
     */
    static boolean usable(RealServer d) {
        return !d.overloaded && d.weight > 0;
    }
}
