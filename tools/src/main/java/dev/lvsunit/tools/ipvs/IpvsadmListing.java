package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.ipvs.Ipvs;
import dev.lvsunit.engine.ipvs.IpvsConn;
import dev.lvsunit.engine.ipvs.IpvsStats;
import dev.lvsunit.engine.ipvs.RealServer;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.ipvs.ServiceSettings;
import dev.lvsunit.engine.ipvs.VirtualService;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.spi.CommandContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The listings of ipvsadm 1.31 ({@code list_all}, {@code print_title},
 * {@code print_service_entry}, {@code list_conn}, {@code print_conn}), with
 * the {@code printf} formats of the C source.
 */
final class IpvsadmListing {

    static final int FMT_NUMERIC = 0x0001;
    static final int FMT_RULE = 0x0002;
    static final int FMT_STATS = 0x0004;
    static final int FMT_RATE = 0x0008;
    static final int FMT_THRESHOLDS = 0x0010;
    static final int FMT_PERSISTENTCONN = 0x0020;
    static final int FMT_NOSORT = 0x0040;
    static final int FMT_EXACT = 0x0080;

    private final CommandContext ctx;
    private final Ipvs ipvs;

    IpvsadmListing(CommandContext ctx, Ipvs ipvs) {
        this.ctx = ctx;
        this.ipvs = ipvs;
    }

    private void printf(String format, Object... args) {
        ctx.out().printf(format, args);
    }

    /** {@code list_all}. */
    void listAll(int format) {
        if ((format & FMT_RULE) == 0) {
            printf("IP Virtual Server version %s (size=%d)\n", Ipvs.VERSION, Ipvs.CONN_TAB_SIZE);
        }
        List<VirtualService> services = new ArrayList<>(ipvs.services());
        if ((format & FMT_NOSORT) == 0) {
            services = mergeSort(services, IpvsadmListing::compareServices);
        }
        printTitle(format);
        for (VirtualService svc : services) {
            printServiceEntry(svc, format);
        }
    }

    /** {@code list_service}: false when there is no such service. */
    boolean listService(ServiceKey key, int format) {
        Optional<VirtualService> svc = ipvs.service(key);
        if (svc.isEmpty()) {
            return false;
        }
        printTitle(format);
        printServiceEntry(svc.get(), format);
        return true;
    }

    private void printTitle(int format) {
        if ((format & FMT_STATS) != 0) {
            printf("%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n", "Prot LocalAddress:Port",
                    "Conns", "InPkts", "OutPkts", "InBytes", "OutBytes");
        } else if ((format & FMT_RATE) != 0) {
            printf("%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n", "Prot LocalAddress:Port",
                    "CPS", "InPPS", "OutPPS", "InBPS", "OutBPS");
        } else if ((format & FMT_THRESHOLDS) != 0) {
            printf("%-33s %-10s %-10s %-10s %-10s\n  -> RemoteAddress:Port\n", "Prot LocalAddress:Port",
                    "Uthreshold", "Lthreshold", "ActiveConn", "InActConn");
        } else if ((format & FMT_PERSISTENTCONN) != 0) {
            printf("%-33s %-9s %-11s %-10s %-10s\n  -> RemoteAddress:Port\n", "Prot LocalAddress:Port",
                    "Weight", "PersistConn", "ActiveConn", "InActConn");
        } else if ((format & FMT_RULE) == 0) {
            printf("Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        }
    }

    /** {@code addrport_to_anyname}: numbers with -n; otherwise service names for ports (no reverse DNS). */
    static String addrPort(Ipv4Address addr, int port, int protocol, int format) {
        if ((format & FMT_NUMERIC) != 0) {
            return addr + ":" + port;
        }
        return addr + ":" + Services.name(port, protocol).orElse(Integer.toString(port));
    }

    private static String fwdName(ForwardMethod f) {
        return switch (f) {
            case MASQ -> "Masq";
            case LOCALNODE -> "Local";
            case TUNNEL -> "Tunnel";
            case DROUTE -> "Route";
        };
    }

    private static String fwdSwitch(ForwardMethod f) {
        return switch (f) {
            case MASQ -> "-m";
            case TUNNEL -> "-i";
            case LOCALNODE, DROUTE -> "-g";
        };
    }

    /** {@code print_sched_flags}. */
    private static String schedFlags(VirtualService svc) {
        int f = svc.settings().schedFlags();
        String sched = svc.settings().scheduler();
        List<String> names = new ArrayList<>();
        if (sched.equals("sh") || sched.equals("mh")) {
            if ((f & ServiceSettings.SCHED1) != 0) {
                names.add(sched + "-fallback");
            }
            if ((f & ServiceSettings.SCHED2) != 0) {
                names.add(sched + "-port");
            }
        } else {
            if ((f & ServiceSettings.SCHED1) != 0) {
                names.add("flag-1");
            }
            if ((f & ServiceSettings.SCHED2) != 0) {
                names.add("flag-2");
            }
            if ((f & ServiceSettings.SCHED3) != 0) {
                names.add("flag-3");
            }
        }
        return String.join(",", names);
    }

    /** {@code print_largenum}. */
    private String largenum(long i, int format) {
        if ((format & FMT_EXACT) != 0) {
            String s = Long.toString(i);
            int width = s.length() <= 8 ? 9 : s.length() + 1;
            return String.format("%" + width + "d", i);
        }
        if (i < 100_000_000L) {
            return String.format("%9d", i);
        } else if (i < 1_000_000_000L) {
            return String.format("%8dK", i / 1000);
        } else if (i < 100_000_000_000L) {
            return String.format("%8dM", i / 1_000_000);
        } else if (i < 100_000_000_000_000L) {
            return String.format("%8dG", i / 1_000_000_000L);
        }
        return String.format("%8dT", i / 1_000_000_000_000L);
    }

    /** {@code print_service_entry}. */
    private void printServiceEntry(VirtualService svc, int format) {
        ServiceKey key = svc.key();
        ServiceSettings s = svc.settings();
        int proto = key.protocol().number();
        String svcName;
        if (key.isFwmark()) {
            svcName = (format & FMT_RULE) != 0 ? "-f " + key.fwmark() : "FWM  " + key.fwmark();
        } else {
            String vname = addrPort(key.address(), key.port(), proto, format);
            if ((format & FMT_RULE) != 0) {
                svcName = (proto == 6 ? "-t" : "-u") + " " + vname;
            } else {
                svcName = (proto == 6 ? "TCP" : "UDP") + "  " + vname;
                if (svcName.length() > 33) {
                    svcName = svcName.substring(0, 33);
                }
            }
        }
        StringBuilder line = new StringBuilder();
        if ((format & FMT_RULE) != 0) {
            line.append("-A ").append(svcName).append(" -s ").append(s.scheduler());
            if (s.persistent()) {
                line.append(" -p ").append(Integer.toUnsignedString(s.timeout()));
                if (!s.netmask().equals(Ipv4Address.BROADCAST)) {
                    line.append(" -M ").append(s.netmask());
                }
            }
            if (s.persistenceEngine() != null) {
                line.append(" --pe ").append(s.persistenceEngine());
            }
            if (s.onePacket()) {
                line.append(" -o");
            }
            if (s.schedFlags() != 0) {
                line.append(" -b ").append(schedFlags(svc));
            }
        } else if ((format & FMT_STATS) != 0) {
            IpvsStats st = svc.stats();
            line.append(String.format("%-33s", svcName)).append(largenum(st.conns(), format))
                    .append(largenum(st.inPkts(), format)).append(largenum(st.outPkts(), format))
                    .append(largenum(st.inBytes(), format)).append(largenum(st.outBytes(), format));
        } else if ((format & FMT_RATE) != 0) {
            IpvsStats st = svc.stats();
            line.append(String.format("%-33s", svcName)).append(largenum(st.cps(), format))
                    .append(largenum(st.inPps(), format)).append(largenum(st.outPps(), format))
                    .append(largenum(st.inBps(), format)).append(largenum(st.outBps(), format));
        } else {
            line.append(svcName).append(' ').append(s.scheduler());
            if (s.schedFlags() != 0) {
                line.append(" (").append(schedFlags(svc)).append(')');
            }
            if (s.persistent()) {
                line.append(" persistent ").append(Integer.toUnsignedString(s.timeout()));
                if (!s.netmask().equals(Ipv4Address.BROADCAST)) {
                    line.append(" mask ").append(s.netmask());
                }
            }
            if (s.persistenceEngine() != null) {
                line.append(" pe ").append(s.persistenceEngine());
            }
            if (s.onePacket()) {
                line.append(" ops");
            }
        }
        ctx.out().println(line.toString());

        List<RealServer> dests = new ArrayList<>(svc.destinations());
        if ((format & FMT_NOSORT) == 0) {
            dests = mergeSort(dests, IpvsadmListing::compareDests);
        }
        for (RealServer e : dests) {
            String dname = addrPort(e.address(), e.port(), proto, format);
            if ((format & FMT_RULE) == 0 && dname.length() > 28) {
                dname = dname.substring(0, 28);
            }
            if ((format & FMT_RULE) != 0) {
                String l = "-a " + svcName + " -r " + dname + " " + fwdSwitch(e.forward()) + " -w " + e.weight();
                if (e.forward() == ForwardMethod.TUNNEL) {
                    l += " --tun-type ipip";
                }
                ctx.out().println(l);
            } else if ((format & FMT_STATS) != 0) {
                IpvsStats st = e.stats();
                ctx.out().println(String.format("  -> %-28s", dname) + largenum(st.conns(), format)
                        + largenum(st.inPkts(), format) + largenum(st.outPkts(), format)
                        + largenum(st.inBytes(), format) + largenum(st.outBytes(), format));
            } else if ((format & FMT_RATE) != 0) {
                IpvsStats st = e.stats();
                ctx.out().println(String.format("  -> %-28s %8d %8d %8d", dname, st.cps(), st.inPps(), st.outPps())
                        + largenum(st.inBps(), format) + largenum(st.outBps(), format));
            } else if ((format & FMT_THRESHOLDS) != 0) {
                printf("  -> %-28s %-10d %-10d %-10d %-10d\n", dname, e.upperThreshold(), e.lowerThreshold(),
                        e.activeConns(), e.inactConns());
            } else if ((format & FMT_PERSISTENTCONN) != 0) {
                printf("  -> %-28s %-9d %-11d %-10d %-10d\n", dname, e.weight(), e.persistConns(),
                        e.activeConns(), e.inactConns());
            } else {
                printf("  -> %-28s %-7s %-6d %-10d %-10d\n", dname, fwdName(e.forward()), e.weight(),
                        e.activeConns(), e.inactConns());
            }
        }
    }

    /**
     * {@code ipvs_cmp_services}: fwmark, protocol, then address and port,
     * each compared by subtraction into an {@code int} (so addresses more
     * than 2^31 apart compare the "wrong" way, as in libipvs).
     */
    static int compareServices(VirtualService a, VirtualService b) {
        int r = (int) (a.key().fwmark() - b.key().fwmark());
        if (r != 0) {
            return r;
        }
        r = a.key().protocol().number() - b.key().protocol().number();
        if (r != 0) {
            return r;
        }
        r = a.key().address().bits() - b.key().address().bits();
        if (r != 0) {
            return r;
        }
        return a.key().port() - b.key().port();
    }

    /** {@code ipvs_cmp_dests}: address, then port, by subtraction. */
    static int compareDests(RealServer a, RealServer b) {
        int r = a.address().bits() - b.address().bits();
        if (r != 0) {
            return r;
        }
        return a.port() - b.port();
    }

    /**
     * glibc's {@code qsort} (its top-down merge sort, {@code msort_with_tmp}),
     * so that the non-transitive libipvs comparison orders lists as on Linux.
     */
    static <T> List<T> mergeSort(List<T> list, Comparator<T> cmp) {
        if (list.size() <= 1) {
            return new ArrayList<>(list);
        }
        int n1 = list.size() / 2;
        List<T> left = mergeSort(list.subList(0, n1), cmp);
        List<T> right = mergeSort(list.subList(n1, list.size()), cmp);
        List<T> out = new ArrayList<>(list.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            if (cmp.compare(left.get(i), right.get(j)) <= 0) {
                out.add(left.get(i++));
            } else {
                out.add(right.get(j++));
            }
        }
        while (i < left.size()) {
            out.add(left.get(i++));
        }
        while (j < right.size()) {
            out.add(right.get(j++));
        }
        return out;
    }

    /**
     * {@code list_conn}: the header, then one line per entry of
     * {@code /proc/net/ip_vs_conn} (newest first here, see {@link Ipvs#connections}).
     */
    void listConnections(int format) {
        ctx.out().println("IPVS connection entries");
        if ((format & FMT_PERSISTENTCONN) != 0) {
            printf("pro expire %-11s %-18s %-18s %-18s %-16s %s\n", "state", "source", "virtual", "destination",
                    "pe name", "pe_data");
        } else {
            printf("pro expire %-11s %-18s %-18s %s\n", "state", "source", "virtual", "destination");
        }
        long now = ctx.world().now();
        for (IpvsConn c : ipvs.connections()) {
            String proto = c.protocol() == 6 ? "TCP" : c.protocol() == 17 ? "UDP" : "IP";
            long expires = Math.max(0, (c.expires() - now) / 1_000_000_000L);
            String expire = String.format("%02d:%02d", expires / 60, expires % 60);
            int p = c.protocol();
            printf("%-3s %-6s %-11s %-18s %-18s %s\n", proto, expire, c.stateName(),
                    addrPort(c.clientAddress(), c.clientPort(), p, format),
                    addrPort(c.virtualAddress(), c.virtualPort(), p, format),
                    addrPort(c.destinationAddress(), c.destinationPort(), p, format));
        }
    }
}
