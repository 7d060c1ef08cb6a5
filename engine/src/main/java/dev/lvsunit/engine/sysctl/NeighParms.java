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
            p.values[parm.ordinal()] = parm.compiledDefault();
        }
        return p;
    }

    /** {@code neigh_parms_alloc}: a copy of the table defaults, state bits clear. */
    NeighParms copyValues() {
        NeighParms p = new NeighParms();
        System.arraycopy(values, 0, p.values, 0, values.length);
        return p;
    }

    public int get(NeighParm parm) {
        return values[parm.ordinal()];
    }

    /** {@code NEIGH_VAR(p, RETRANS_TIME)} and friends, in virtual nanoseconds. */
    public long nanos(NeighParm parm) {
        return values[parm.ordinal()] * 1_000_000L;
    }

    void write(NeighParm parm, int value) {
        values[parm.ordinal()] = value;
        state.set(parm.ordinal());
    }

    void set(NeighParm parm, int value) {
        values[parm.ordinal()] = value;
    }

    boolean touched(NeighParm parm) {
        return state.get(parm.ordinal());
    }

    /** {@code neigh_parms_data_state_setall}: an IPv4 address was added to the interface. */
    void setAllStateBits() {
        state.set(0, values.length);
    }
}
