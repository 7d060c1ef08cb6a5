package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.engine.sysctl.DevConfValues;
import dev.lvsunit.engine.sysctl.NeighParms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 side of an interface, {@code struct in_device}: its ordered
 * address list ({@code ifa_list}), its {@code conf/IFACE} values and its ARP
 * neighbour parameters.
 */
public final class InDevice {

    private final NetDevice dev;
    private final DevConfValues cnf;
    private final NeighParms arpParms;
    final List<IfAddr> ifaList = new ArrayList<>();

    public InDevice(NetDevice dev, DevConfValues cnf, NeighParms arpParms) {
        this.dev = dev;
        this.cnf = cnf;
        this.arpParms = arpParms;
    }

    public NetDevice dev() {
        return dev;
    }

    /** The addresses in the kernel's order: primaries (by scope), then secondaries. */
    public List<IfAddr> addresses() {
        return Collections.unmodifiableList(ifaList);
    }

    /** This interface's own {@code conf/IFACE} values (not combined with {@code all}). */
    public DevConfValues cnf() {
        return cnf;
    }

    /** {@code in_dev->arp_parms}: the {@code net.ipv4.neigh.IFACE} values. */
    public NeighParms arpParms() {
        return arpParms;
    }

    /** The interface's own value of a conf entry. */
    public int conf(DevConf key) {
        return cnf.get(key);
    }

    /**
     * The first address whose {@code ifa_label} is {@code label}, as
     * {@code devinet_ioctl} and {@code rtentry_to_fib_config} look an alias
     * such as {@code eth0:1} up.
     */
    public Optional<IfAddr> ifaByLabel(String label) {
        for (IfAddr a : ifaList) {
            if (a.label().equals(label)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** {@code in_dev_for_each_ifa_rcu} restricted to primaries. */
    public List<IfAddr> primaries() {
        List<IfAddr> out = new ArrayList<>();
        for (IfAddr a : ifaList) {
            if (a.primary()) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "in_device(" + dev + ")";
    }
}
