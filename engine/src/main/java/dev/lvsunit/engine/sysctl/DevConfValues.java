package dev.lvsunit.engine.sysctl;

import java.util.BitSet;

/**
 * One {@code ipv4_devconf} array: the values of {@code conf/all},
 * {@code conf/default} or one interface, with the per-entry state bits that
 * decide whether a later write of {@code conf/default} still propagates
 * ({@code devinet_copy_dflt_conf}).
 */
public final class DevConfValues {

    private final int[] values = new int[DevConf.values().length];
    private final BitSet state = new BitSet();

    private DevConfValues() {
    }

    /** The compiled defaults of {@code conf/all}. */
    static DevConfValues compiledAll() {
        DevConfValues v = new DevConfValues();
        for (DevConf c : DevConf.values()) {
            v.values[c.ordinal()] = c.allDefault();
        }
        return v;
    }

    /** The compiled defaults of {@code conf/default}. */
    static DevConfValues compiledDefault() {
        DevConfValues v = new DevConfValues();
        for (DevConf c : DevConf.values()) {
            v.values[c.ordinal()] = c.defaultDefault();
        }
        return v;
    }

    /**
     * {@code inetdev_init}: a new interface starts as a {@code memcpy} of
     * {@code conf/default}, state bits included: an entry written in
     * {@code conf/default} before the interface existed no longer reaches it
     * when {@code conf/default} is written again [verified on 6.18].
     */
    DevConfValues copy() {
        DevConfValues v = new DevConfValues();
        System.arraycopy(values, 0, v.values, 0, values.length);
        v.state.or(state);
        return v;
    }

    public int get(DevConf key) {
        return values[key.ordinal()];
    }

    /** Sets a value as a write of the proc file does: the state bit is set too. */
    void write(DevConf key, int value) {
        values[key.ordinal()] = value;
        state.set(key.ordinal());
    }

    /** Sets a value without touching the state bit (propagation from default). */
    void set(DevConf key, int value) {
        values[key.ordinal()] = value;
    }

    /** Sets the state bit alone: {@code devinet_conf_proc} does so even when the value is refused. */
    void touch(DevConf key) {
        state.set(key.ordinal());
    }

    boolean touched(DevConf key) {
        return state.get(key.ordinal());
    }

    /** {@code ipv4_devconf_setall}: called when an address is added to the interface. */
    void setAllStateBits() {
        state.set(0, values.length);
    }
}
