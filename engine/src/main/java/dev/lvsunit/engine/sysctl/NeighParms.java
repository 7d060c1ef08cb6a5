package dev.lvsunit.engine.sysctl;

import java.util.BitSet;

/**
 * One {@code neigh_parms}: the neighbour parameters of one interface, or the
 * table defaults ({@code net.ipv4.neigh.default}). As in the kernel, a write
 * to the defaults reaches the interfaces whose data-state bit for that value
 * is clear ({@code neigh_copy_dflt_parms}).
 */
public final class NeighParms {

    private final int[] values = new int[NeighParm.values().length];
    private final BitSet state = new BitSet();

    private NeighParms() {
    }

    static NeighParms compiledDefaults() {
        NeighParms p = new NeighParms();
        for (NeighParm parm : NeighParm.values()) {
            p.values[parm.ordinal()] = parm.compiledStored();
        }
        return p;
    }

    /**
     * {@code neigh_parms_alloc}: a {@code kmemdup} of the table defaults, so
     * the copy takes their data-state bits too: a value written to
     * {@code neigh/default} before the interface existed no longer reaches it
     * when {@code neigh/default} is written again.
     */
    NeighParms copy() {
        NeighParms p = new NeighParms();
        System.arraycopy(values, 0, p.values, 0, values.length);
        p.state.or(state);
        return p;
    }

    /** {@code NEIGH_VAR(p, X)}; times in milliseconds ({@code jiffies_to_msecs}). */
    public int get(NeighParm parm) {
        int v = values[parm.ordinal()];
        return parm.isTime() ? v * ProcConv.MSEC_PER_JIFFY : v;
    }

    /** {@code NEIGH_VAR(p, RETRANS_TIME)} and the other times, in virtual nanoseconds. */
    public long nanos(NeighParm parm) {
        return (long) values[parm.ordinal()] * ProcConv.MSEC_PER_JIFFY * 1_000_000L;
    }

    /** The value as the kernel stores it (jiffies for times). */
    int stored(NeighParm parm) {
        return values[parm.ordinal()];
    }

    /** Stores a value as a write of the proc file does; the data-state bit is set too. */
    void write(NeighParm parm, int stored) {
        values[parm.ordinal()] = stored;
        state.set(parm.ordinal());
    }

    /** Stores a value without touching the data-state bit (propagation from default). */
    void set(NeighParm parm, int stored) {
        values[parm.ordinal()] = stored;
    }

    /** {@code neigh_proc_update}: the bit is set on every write, failed ones included. */
    void touch(NeighParm parm) {
        state.set(parm.ordinal());
    }

    boolean touched(NeighParm parm) {
        return state.get(parm.ordinal());
    }

    /** {@code neigh_parms_data_state_setall}: an IPv4 address was added to the interface. */
    void setAllStateBits() {
        state.set(0, values.length);
    }
}
