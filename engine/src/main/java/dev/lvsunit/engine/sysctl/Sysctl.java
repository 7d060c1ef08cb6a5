package dev.lvsunit.engine.sysctl;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.ipv4.InDevice;
import dev.lvsunit.engine.link.NetDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A host's {@code /proc/sys/net/ipv4} tree: {@code conf/{all,default,IFACE}},
 * {@code neigh/{default,IFACE}}, {@code ip_forward} and, once IPVS is loaded,
 * {@code vs/*} (values kept by {@code Ipvs}), with the kernel's
 * proc handlers (value parsing and validation) and its side effects
 * ({@code default} as template and late propagation, {@code ip_forward}
 * reaching every interface).
 *
 * <p>Paths are slash-separated and relative to {@code /proc/sys}:
 * {@code net/ipv4/conf/eth0/arp_ignore}.
 *
 * <p>The tree is that of a host's initial network namespace: it has
 * {@code neigh/default} (with {@code gc_interval} and {@code gc_thresh1..3}),
 * which a namespace created later lacks. Times are kept in jiffies of a
 * {@code HZ=250} kernel, as Debian builds it, so they read back rounded as
 * they do there ({@link ProcConv}).
 */
public final class Sysctl {

    /** {@code SKB_TRUESIZE(ETH_FRAME_LEN)} on x86_64: converts {@code unres_qlen} to bytes. */
    static final int ETH_FRAME_TRUESIZE = 2090;

    private final Host host;
    private final DevConfValues all = DevConfValues.compiledAll();
    private final DevConfValues dflt = DevConfValues.compiledDefault();
    private final NeighParms neighDefault = NeighParms.compiledDefaults();
    /** {@code gc_interval} (30 s in jiffies) and {@code gc_thresh1..3} of {@code arp_tbl}. */
    private final int[] gcTable = {30 * ProcConv.HZ, 128, 512, 1024};

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

    /** {@code inetdev_init}: the conf values of a new interface, a copy of {@code conf/default}. */
    public DevConfValues newDeviceConf() {
        return dflt.copy();
    }

    /** {@code neigh_parms_alloc}: the neighbour parameters of a new interface, a copy of {@code neigh/default}. */
    public NeighParms newDeviceNeighParms() {
        return neighDefault.copy();
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
        collect("net", out);
        return out;
    }

    private void collect(String dir, List<String> out) {
        for (String name : directory(dir).orElseThrow()) {
            String path = dir + "/" + name;
            if (exists(path)) {
                out.add(path);
            } else {
                collect(path, out);
            }
        }
    }

    /**
     * The names in a directory of the tree, in the order {@code readdir}
     * gives them (sorted by name: {@code proc_sysctl.c} keeps a directory's
     * entries in a tree ordered by {@code namecmp}).
     *
     * <p>Only {@code net/ipv4/conf} and {@code net/ipv4/neigh} with their
     * subdirectories are complete; {@code net} and {@code net/ipv4} list just
     * what lvsunit models of them.
     *
     * @return the names, or empty if {@code path} is not a directory of the tree
     */
    public Optional<List<String>> directory(String path) {
        String[] p = path.split("/", -1);
        List<String> out = new ArrayList<>();
        if (path.equals("net")) {
            out.add("ipv4");
        } else if (path.equals("net/ipv4")) {
            out.addAll(List.of("conf", "ip_forward", "neigh"));
            if (host.hasIpvs()) {
                out.add("vs");
            }
        } else if (path.equals("net/ipv4/vs") && host.hasIpvs()) {
            out.addAll(host.ipvs().sysctlNames());
        } else if (path.equals("net/ipv4/conf")) {
            out.addAll(List.of("all", "default"));
            out.addAll(deviceNames());
        } else if (path.equals("net/ipv4/neigh")) {
            out.add("default");
            out.addAll(deviceNames());
        } else if (p.length == 4 && p[0].equals("net") && p[1].equals("ipv4") && p[2].equals("conf")
                && (p[3].equals("all") || p[3].equals("default") || host.device(p[3]).isPresent())) {
            for (DevConf c : DevConf.values()) {
                out.add(c.fileName());
            }
        } else if (p.length == 4 && p[0].equals("net") && p[1].equals("ipv4") && p[2].equals("neigh")
                && (p[3].equals("default") || host.device(p[3]).isPresent())) {
            for (NeighFile f : NeighFile.values()) {
                if (!f.tableWide() || p[3].equals("default")) {
                    out.add(f.fileName());
                }
            }
        } else {
            return Optional.empty();
        }
        out.sort(null);
        return Optional.of(out);
    }

    /**
     * Whether {@code sysctl} leaves the file out when it lists a directory:
     * the deprecated {@code base_reachable_time} and {@code retrans_time}.
     */
    public boolean deprecated(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("net/ipv4/neigh/") && NeighFile.byFileName(name).map(NeighFile::deprecated).orElse(false);
    }

    private List<String> deviceNames() {
        List<String> names = new ArrayList<>();
        for (NetDevice d : host.devices()) {
            names.add(d.name());
        }
        return names;
    }

    /**
     * Reads a file as {@code cat /proc/sys/PATH} would print it, without the newline.
     *
     * @throws SysctlException {@code ENOENT} if there is no such file
     */
    public String read(String path) throws SysctlException {
        Entry e = resolve(path).orElseThrow(() -> new SysctlException(SysctlException.Errno.ENOENT, path));
        return e.read();
    }

    /** Whether {@code path} is a file that can be written (not {@code mc_forwarding}, mode 0444). */
    public boolean writable(String path) {
        return resolve(path).map(Entry::writable).orElse(false);
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
        if (!e.write(text)) {
            throw new SysctlException(SysctlException.Errno.EINVAL, path);
        }
    }

    // ---- resolution of paths to entries

    /** One file: its proc handler bound to its data. */
    private interface Entry {
        /** The text {@code cat} shows, without newline. */
        String read();

        /** The proc handler's write: false for EINVAL (side effects of a failed write included). */
        boolean write(String text);

        default boolean writable() {
            return true;
        }
    }

    /** {@code proc_dointvec} into {@code target}'s {@code key}; the value, or {@code null} for EINVAL. */
    private static Integer dointvec(String text) {
        return ProcInput.parse(text).map(ProcConv.INT::toStored).orElse(null);
    }

    private Optional<Entry> resolve(String path) {
        String[] p = path.split("/", -1);
        if (p.length == 3 && p[0].equals("net") && p[1].equals("ipv4") && p[2].equals("ip_forward")) {
            return confEntry("all", DevConf.FORWARDING);
        }
        if (p.length == 4 && p[0].equals("net") && p[1].equals("ipv4") && p[2].equals("vs")) {
            return ipvsEntry(p[3]);
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
        if (dir.equals("all")) {
            target = all;
        } else if (dir.equals("default")) {
            target = dflt;
        } else {
            Optional<NetDevice> dev = host.device(dir);
            if (dev.isEmpty()) {
                return Optional.empty();
            }
            target = dev.get().inDevice().cnf();
        }
        return Optional.of(new Entry() {
            @Override
            public String read() {
                return Integer.toString(target.get(key));
            }

            @Override
            public boolean writable() {
                return key.writable();
            }

            @Override
            public boolean write(String text) {
                Integer value = dointvec(text);
                switch (key.handler()) {
                    case FORWARD:
                        return writeForwarding(target, value);
                    case FLUSHING:
                        // ipv4_doint_and_flush: no state bit, no propagation
                        if (value != null) {
                            target.set(key, value);
                        }
                        return value != null;
                    default:
                        // devinet_conf_proc: set_bit and devinet_copy_dflt_conf run whatever proc_dointvec said
                        if (value != null) {
                            target.set(key, value);
                        }
                        target.touch(key);
                        if (target == dflt) {
                            copyDefaultConf(key);
                        }
                        return value != null;
                }
            }
        });
    }

    /** {@code devinet_copy_dflt_conf}: reach every interface whose state bit is clear. */
    private void copyDefaultConf(DevConf key) {
        int value = dflt.get(key);
        for (NetDevice d : host.devices()) {
            DevConfValues cnf = d.inDevice().cnf();
            if (!cnf.touched(key)) {
                cnf.set(key, value);
            }
        }
    }

    /**
     * {@code devinet_sysctl_forward}: stores the value; when {@code ip_forward}
     * or {@code conf/all/forwarding} actually changes, {@code inet_forward_change}
     * follows. No state bit is set and {@code conf/default/forwarding} reaches
     * no interface.
     */
    private boolean writeForwarding(DevConfValues target, Integer value) {
        if (value == null) {
            return false;
        }
        int old = target.get(DevConf.FORWARDING);
        target.set(DevConf.FORWARDING, value);
        if (target == all && old != value) {
            inetForwardChange(value);
        }
        return true;
    }

    /**
     * {@code inet_forward_change}: forwarding is set on {@code default} and
     * every interface, and {@code all/accept_redirects} becomes its negation.
     */
    private void inetForwardChange(int on) {
        all.set(DevConf.ACCEPT_REDIRECTS, on == 0 ? 1 : 0);
        dflt.set(DevConf.FORWARDING, on);
        for (NetDevice d : host.devices()) {
            // IN_DEV_CONF_SET sets the state bit as well
            d.inDevice().cnf().write(DevConf.FORWARDING, on);
        }
    }

    /**
     * {@code net/ipv4/vs/NAME}: the IPVS sysctls, which exist once IPVS is
     * loaded ({@link Host#hasIpvs()}); parsed by {@code proc_dointvec}, with
     * the ranges of their handlers checked by the IPVS engine.
     */
    private Optional<Entry> ipvsEntry(String name) {
        if (!host.hasIpvs() || !host.ipvs().sysctlNames().contains(name)) {
            return Optional.empty();
        }
        return Optional.of(new Entry() {
            @Override
            public String read() {
                return Integer.toString(host.ipvs().sysctl(name));
            }

            @Override
            public boolean write(String text) {
                Integer value = dointvec(text);
                return value != null && host.ipvs().setSysctl(name, value);
            }
        });
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
        return Optional.of(new Entry() {
            @Override
            public String read() {
                if (file.tableWide()) {
                    return file.format(gcTable[file.gcIndex()]);
                }
                return file.format(target.stored(file.parm()));
            }

            @Override
            public boolean write(String text) {
                Integer stored = ProcInput.parse(text).map(file::toStored).orElse(null);
                if (file.tableWide()) {
                    if (stored != null) {
                        gcTable[file.gcIndex()] = stored;
                    }
                    return stored != null;
                }
                if (stored != null) {
                    target.set(file.parm(), stored);
                }
                // neigh_proc_update runs whatever the handler returned: the
                // data-state bit is set, and a write of neigh/default is copied
                // to the interfaces whose bit is clear (neigh_copy_dflt_parms)
                target.touch(file.parm());
                if (target == neighDefault) {
                    int value = target.stored(file.parm());
                    for (NetDevice d : host.devices()) {
                        NeighParms p = d.inDevice().arpParms();
                        if (!p.touched(file.parm())) {
                            p.set(file.parm(), value);
                        }
                    }
                }
                return stored != null;
            }
        });
    }
}
