package dev.lvsunit.engine.sysctl;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.ipv4.InDevice;
import dev.lvsunit.engine.link.NetDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host's {@code /proc/sys/net/ipv4} tree: {@code conf/{all,default,IFACE}},
 * {@code neigh/{default,IFACE}} and {@code ip_forward}, with the kernel's
 * proc handlers (value parsing and validation) and its side effects
 * ({@code default} as template and late propagation, {@code ip_forward}
 * reaching every interface).
 *
 * <p>Paths are slash-separated and relative to {@code /proc/sys}:
 * {@code net/ipv4/conf/eth0/arp_ignore}.
 */
public final class Sysctl {

    /** {@code SKB_TRUESIZE(ETH_FRAME_LEN)} on x86_64: converts {@code unres_qlen} to bytes. */
    static final int ETH_FRAME_TRUESIZE = 2090;

    private final Host host;
    private final DevConfValues all = DevConfValues.compiledAll();
    private final DevConfValues dflt = DevConfValues.compiledDefault();
    private final NeighParms neighDefault = NeighParms.compiledDefaults();
    private final int[] gcTable = {30, 128, 512, 1024}; // gc_interval (s), gc_thresh1..3

    public Sysctl(Host host) {
        this.host = host;
    }

    /** {@code conf/all}. */
    public DevConfValues all() {
        return all;
    }

    /** {@code conf/default}. */
    public DevConfValues defaults() {
        return dflt;
    }

    /** {@code neigh/default}, the ARP table's parameters. */
    public NeighParms neighDefaults() {
        return neighDefault;
    }

    /**
     * The value the kernel uses for {@code key} on an interface: its own value
     * combined with {@code conf/all} by the entry's accessor macro
     * ({@code IN_DEV_MAXCONF}, {@code IN_DEV_ORCONF}, ...).
     */
    public int effective(InDevice in, DevConf key) {
        return key.combine().apply(all.get(key), in.cnf().get(key));
    }

    /** {@code inetdev_init}: the conf values of a new interface. */
    public DevConfValues newDeviceConf() {
        return dflt.copyValues();
    }

    /** {@code neigh_parms_alloc}: the neighbour parameters of a new interface. */
    public NeighParms newDeviceNeighParms() {
        return neighDefault.copyValues();
    }

    /**
     * {@code ipv4_devconf_setall} and {@code neigh_parms_data_state_setall}: an
     * address was added to the interface, so later writes of {@code default} no
     * longer reach it.
     */
    public void addressAdded(InDevice in) {
        in.cnf().setAllStateBits();
        in.arpParms().setAllStateBits();
    }

    /** Whether {@code path} names a file in the tree. */
    public boolean exists(String path) {
        return resolve(path).isPresent();
    }

    /** Every file of the tree, in {@code sysctl -a} order. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        List<String> confDirs = new ArrayList<>(List.of("all", "default"));
        List<String> devs = new ArrayList<>();
        for (NetDevice d : host.devices()) {
            devs.add(d.name());
        }
        devs.sort(null);
        confDirs.addAll(devs);
        for (String dir : confDirs) {
            for (DevConf c : DevConf.values()) {
                out.add("net/ipv4/conf/" + dir + "/" + c.fileName());
            }
        }
        out.add("net/ipv4/ip_forward");
        List<String> neighDirs = new ArrayList<>(List.of("default"));
        neighDirs.addAll(devs);
        for (String dir : neighDirs) {
            for (NeighFile f : NeighFile.values()) {
                if (f.tableWide() && !dir.equals("default")) {
                    continue;
                }
                out.add("net/ipv4/neigh/" + dir + "/" + f.fileName());
            }
        }
        return out;
    }

    /**
     * Reads a file as {@code cat /proc/sys/PATH} would print it, without the newline.
     *
     * @throws SysctlException {@code ENOENT} if there is no such file
     */
    public String read(String path) throws SysctlException {
        Entry e = resolve(path).orElseThrow(() -> new SysctlException(SysctlException.Errno.ENOENT, path));
        return Integer.toString(e.read());
    }

    /**
     * Writes a file as {@code echo VALUE > /proc/sys/PATH} does, with the
     * entry's proc handler parsing the text.
     *
     * @throws SysctlException {@code ENOENT} for no such file, {@code EINVAL}
     *     for a value the handler refuses, {@code EACCES} for a read-only file
     */
    public void write(String path, String text) throws SysctlException {
        Entry e = resolve(path).orElseThrow(() -> new SysctlException(SysctlException.Errno.ENOENT, path));
        if (!e.writable()) {
            throw new SysctlException(SysctlException.Errno.EACCES, path);
        }
        Integer value = ProcInt.parse(text);
        if (value == null || !e.accepts(value)) {
            throw new SysctlException(SysctlException.Errno.EINVAL, path);
        }
        e.write(value);
    }

    // ---- resolution of paths to entries

    private interface Entry {
        int read();

        void write(int value);

        default boolean writable() {
            return true;
        }

        default boolean accepts(int value) {
            return true;
        }
    }

    private Optional<Entry> resolve(String path) {
        String[] p = path.split("/", -1);
        if (p.length == 3 && p[0].equals("net") && p[1].equals("ipv4") && p[2].equals("ip_forward")) {
            return Optional.of(new Entry() {
                @Override
                public int read() {
                    return all.get(DevConf.FORWARDING);
                }

                @Override
                public void write(int value) {
                    inetForwardChange(value);
                }
            });
        }
        if (p.length != 5 || !p[0].equals("net") || !p[1].equals("ipv4")) {
            return Optional.empty();
        }
        if (p[2].equals("conf")) {
            Optional<DevConf> key = DevConf.byFileName(p[4]);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            return confEntry(p[3], key.get());
        }
        if (p[2].equals("neigh")) {
            Optional<NeighFile> file = NeighFile.byFileName(p[4]);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            return neighEntry(p[3], file.get());
        }
        return Optional.empty();
    }

    private Optional<Entry> confEntry(String dir, DevConf key) {
        DevConfValues target;
        InDevice device = null;
        if (dir.equals("all")) {
            target = all;
        } else if (dir.equals("default")) {
            target = dflt;
        } else {
            Optional<NetDevice> dev = host.device(dir);
            if (dev.isEmpty()) {
                return Optional.empty();
            }
            device = dev.get().inDevice();
            target = device.cnf();
        }
        final boolean isDefault = target == dflt;
        final boolean isAll = target == all;
        return Optional.of(new Entry() {
            @Override
            public int read() {
                return target.get(key);
            }

            @Override
            public boolean writable() {
                return key.writable();
            }

            @Override
            public void write(int value) {
                if (key == DevConf.FORWARDING && isAll) {
                    inetForwardChange(value);
                    return;
                }
                target.write(key, value);
                if (isDefault && key != DevConf.FORWARDING) {
                    copyDefaultConf(key, value);
                }
            }
        });
    }

    /** {@code devinet_copy_dflt_conf}: reach every interface whose state bit is clear. */
    private void copyDefaultConf(DevConf key, int value) {
        for (NetDevice d : host.devices()) {
            DevConfValues cnf = d.inDevice().cnf();
            if (!cnf.touched(key)) {
                cnf.set(key, value);
            }
        }
    }

    /**
     * {@code inet_forward_change}: {@code ip_forward} and
     * {@code conf/all/forwarding} set forwarding on {@code default} and every
     * interface, and turn {@code all/accept_redirects} off while forwarding.
     */
    private void inetForwardChange(int on) {
        all.set(DevConf.FORWARDING, on);
        all.set(DevConf.ACCEPT_REDIRECTS, on == 0 ? 1 : 0);
        dflt.set(DevConf.FORWARDING, on);
        for (NetDevice d : host.devices()) {
            d.inDevice().cnf().set(DevConf.FORWARDING, on);
        }
    }

    private Optional<Entry> neighEntry(String dir, NeighFile file) {
        NeighParms target;
        if (dir.equals("default")) {
            target = neighDefault;
        } else {
            if (file.tableWide()) {
                return Optional.empty();
            }
            Optional<NetDevice> dev = host.device(dir);
            if (dev.isEmpty()) {
                return Optional.empty();
            }
            target = dev.get().inDevice().arpParms();
        }
        final boolean isDefault = target == neighDefault;
        return Optional.of(new Entry() {
            @Override
            public int read() {
                if (file.tableWide()) {
                    return gcTable[file.gcIndex()];
                }
                return file.fromStored(target.get(file.parm()));
            }

            @Override
            public boolean accepts(int value) {
                return value >= file.minimum();
            }

            @Override
            public void write(int value) {
                if (file.tableWide()) {
                    gcTable[file.gcIndex()] = value;
                    return;
                }
                int stored = file.toStored(value);
                target.write(file.parm(), stored);
                if (isDefault) {
                    // neigh_proc_update -> neigh_copy_dflt_parms
                    for (NetDevice d : host.devices()) {
                        NeighParms p = d.inDevice().arpParms();
                        if (!p.touched(file.parm())) {
                            p.set(file.parm(), stored);
                        }
                    }
                }
            }
        });
    }
}
