package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.IpInIp;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.Ipv4Payload;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.sim.Timer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The IP Virtual Server of one host ({@code net/netfilter/ipvs/}): the
 * service table ({@code ip_vs_ctl.c}), the connection table
 * ({@code ip_vs_conn.c}), scheduling and persistence ({@code ip_vs_core.c}),
 * and the three forwarding methods ({@code ip_vs_xmit.c}).
 *
 * <p>Packet path: {@code ip_vs_in} sits at LOCAL_IN, so it sees datagrams the
 * director accepted as local (sent to a VIP it holds); {@code ip_vs_out} sits
 * at FORWARD and rewrites NAT replies the director routes back to clients.
 * Connections made on the director itself to its own VIP
 * ({@code ip_vs_local_request4} at LOCAL_OUT) are not scheduled; fwmark
 * services are kept and listed but match nothing, since no packet carries a
 * mark (iptables is not modelled).
 *
 * <p>Times: connection timers run on the virtual clock; the rate estimator
 * ticks every 2 s from the moment the first service is added.
 */
public final class Ipvs implements SchedulerEnv {

    /** {@code 1 << conn_tab_bits}: the {@code size=} of {@code ipvsadm -L}. */
    public static final int CONN_TAB_SIZE = 4096;
    /** {@code IP_VS_VERSION_CODE}: 1.2.1. */
    public static final String VERSION = "1.2.1";
    /** How long a deleted real server without connections stays revivable ({@code IP_VS_DEST_TRASH_PERIOD}). */
    static final long TRASH_PERIOD = Durations.seconds(120);
    /** {@code ip_vs_conn_expire}: a template that still controls connections tries again after 60 s. */
    static final long EXPIRE_LATER = Durations.seconds(60);
    static final long ESTIMATOR_PERIOD = Durations.seconds(2);
    /** {@code FTPPORT}. */
    static final int FTPPORT = 21;

    private final Host host;
    private final IpvsSysctl sysctl = new IpvsSysctl();
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private final List<RealServer> trash = new ArrayList<>();
    /** The connection table, hashed, and in creation order. */
    private final ConnTable conns = new ConnTable();
    private final int[] tcpTimeouts = new int[IpvsTcpState.values().length];
    private int udpTimeout = 300;
    private Timer estimator;
    /** The connections' timers, bucketed by the instant they fall due. */
    private final ConnTimers timers;
    /** The last service {@link #serviceFind} found, and what for; forgotten when a service comes or goes. */
    private VirtualService foundSvc;
    private int foundProto;
    private Ipv4Address foundVaddr;
    private int foundVport;

    public Ipvs(Host host) {
        this.host = host;
        this.timers = new ConnTimers(host.world().events(), this::expire);
        for (IpvsTcpState s : IpvsTcpState.values()) {
            tcpTimeouts[s.ordinal()] = s.defaultTimeout();
        }
        host.ip().registerLocalIn(this::in);
        host.ip().registerForward(this::out);
    }

    // ------------------------------------------------------------------ control

    /** The services in the order they were added (listings sort them). */
    public List<VirtualService> services() {
        return Collections.unmodifiableList(new ArrayList<>(services.values()));
    }

    public Optional<VirtualService> service(ServiceKey key) {
        return Optional.ofNullable(services.get(key));
    }

    /**
     * {@code ip_vs_add_service}.
     *
     * @throws IpvsException {@code EEXIST} if it exists, {@code ENOENT} for an unknown scheduler or persistence engine
     */
    public VirtualService addService(ServiceKey key, ServiceSettings settings) throws IpvsException {
        if (services.containsKey(key)) {
            throw new IpvsException(IpvsException.Error.EEXIST);
        }
        Scheduler sched = scheduler(settings);
        VirtualService svc = new VirtualService(key, settings);
        svc.scheduler = sched;
        sched.init(svc);
        services.put(key, svc);
        foundSvc = null;
        if (estimator == null) {
            estimator = host.world().events().schedule(ESTIMATOR_PERIOD, this::estimate);
        }
        return svc;
    }

    /**
     * {@code ip_vs_edit_service}: a new scheduler is bound afresh (its state starts over).
     *
     * @throws IpvsException {@code ESRCH} for no such service, {@code ENOENT} for an unknown scheduler
     */
    public void editService(ServiceKey key, ServiceSettings settings) throws IpvsException {
        VirtualService svc = existing(key);
        Scheduler sched = scheduler(settings);
        if (!sched.name().equals(svc.scheduler.name())) {
            svc.scheduler = sched;
            svc.settings = settings;
            sched.init(svc);
        }
        svc.settings = settings;
    }

    private Scheduler scheduler(ServiceSettings settings) throws IpvsException {
        if (settings.persistenceEngine() != null && !settings.persistenceEngine().equals("sip")) {
            throw new IpvsException(IpvsException.Error.ENOENT);
        }
        return Scheduler.create(settings.scheduler(), this)
                .orElseThrow(() -> new IpvsException(IpvsException.Error.ENOENT));
    }

    /**
     * {@code ip_vs_del_service}: its real servers go to the trash; connections stay until they expire.
     *
     * @throws IpvsException {@code ESRCH}
     */
    public void deleteService(ServiceKey key) throws IpvsException {
        VirtualService svc = existing(key);
        for (RealServer d : new ArrayList<>(svc.destinations)) {
            unlink(svc, d);
        }
        services.remove(key);
        foundSvc = null;
        if (services.isEmpty() && estimator != null) {
            estimator.cancel();
            estimator = null;
        }
    }

    /** {@code ip_vs_flush}: {@code ipvsadm -C}. */
    public void flush() {
        for (ServiceKey k : new ArrayList<>(services.keySet())) {
            try {
                deleteService(k);
            } catch (IpvsException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * {@code ip_vs_zero_service} / {@code ip_vs_zero_all}: counters and rates to 0.
     *
     * @param key a service, or {@code null} for all
     * @throws IpvsException {@code ESRCH}
     */
    public void zero(ServiceKey key) throws IpvsException {
        List<VirtualService> which = key == null ? new ArrayList<>(services.values()) : List.of(existing(key));
        for (VirtualService svc : which) {
            svc.stats().zero();
            for (RealServer d : svc.destinations) {
                d.stats().zero();
            }
        }
    }

    /**
     * {@code ip_vs_add_dest}: the real server goes to the head of the list; one
     * deleted recently (or still referenced by connections) comes back from the
     * trash with its counters ({@code ip_vs_trash_get_dest}).
     *
     * @throws IpvsException {@code ESRCH} no service, {@code EEXIST} present,
     *     {@code EINVAL} not a unicast address, {@code ERANGE} lower threshold above upper
     */
    public RealServer addDest(ServiceKey key, DestSettings ds) throws IpvsException {
        VirtualService svc = existing(key);
        checkDest(ds);
        if (svc.find(ds.address(), ds.port()) != null) {
            throw new IpvsException(IpvsException.Error.EEXIST);
        }
        RealServer d = fromTrash(key, ds);
        if (d == null) {
            d = new RealServer(key, ds.address(), ds.port());
            d.lastWeight = ds.weight();
        }
        update(d, ds);
        d.available = true;
        d.owner = svc;
        svc.destinations.add(0, d);
        svc.scheduler.addDest(svc, d);
        return d;
    }

    /**
     * {@code ip_vs_edit_dest}.
     *
     * @throws IpvsException {@code ESRCH} no service, {@code ENOENT} no such real server, {@code ERANGE}
     */
    public void editDest(ServiceKey key, DestSettings ds) throws IpvsException {
        VirtualService svc = existing(key);
        checkDest(ds);
        RealServer d = svc.find(ds.address(), ds.port());
        if (d == null) {
            throw new IpvsException(IpvsException.Error.ENOENT);
        }
        update(d, ds);
        svc.scheduler.updDest(svc, d);
    }

    /**
     * {@code ip_vs_del_dest}.
     *
     * @throws IpvsException {@code ESRCH} no service, {@code ENOENT} no such real server
     */
    public void deleteDest(ServiceKey key, Ipv4Address address, int port) throws IpvsException {
        VirtualService svc = existing(key);
        RealServer d = svc.find(address, port);
        if (d == null) {
            throw new IpvsException(IpvsException.Error.ENOENT);
        }
        unlink(svc, d);
    }

    private void checkDest(DestSettings ds) throws IpvsException {
        Ipv4Address a = ds.address();
        if (a.isAny() || a.isMulticast() || a.isLimitedBroadcast() || a.isZeroNet()) {
            throw new IpvsException(IpvsException.Error.EINVAL);
        }
        if (ds.lowerThreshold() > ds.upperThreshold()) {
            throw new IpvsException(IpvsException.Error.ERANGE);
        }
    }

    /** {@code __ip_vs_update_dest}. */
    private static void update(RealServer d, DestSettings ds) {
        d.forward = ds.forward();
        d.weight = ds.weight();
        if (ds.weight() > 0) {
            d.lastWeight = ds.weight();
        }
        if (ds.upperThreshold() == 0 || ds.upperThreshold() > d.upperThreshold) {
            d.overloaded = false;
        }
        d.upperThreshold = ds.upperThreshold();
        d.lowerThreshold = ds.lowerThreshold();
    }

    /** {@code __ip_vs_unlink_dest} then {@code ip_vs_trash_put_dest}. */
    private void unlink(VirtualService svc, RealServer d) {
        int idx = svc.destinations.indexOf(d);
        svc.destinations.remove(idx);
        d.available = false;
        d.deletedAt = host.world().now();
        svc.scheduler.delDest(svc, d, idx);
        trash.add(d);
    }

    private RealServer fromTrash(ServiceKey key, DestSettings ds) {
        long now = host.world().now();
        trash.removeIf(d -> d.totalConns() + d.persistConns == 0 && now - d.deletedAt >= TRASH_PERIOD);
        for (RealServer d : trash) {
            if (d.service().equals(key) && d.address().equals(ds.address()) && d.port() == ds.port()) {
                trash.remove(d);
                return d;
            }
        }
        return null;
    }

    private VirtualService existing(ServiceKey key) throws IpvsException {
        VirtualService svc = services.get(key);
        if (svc == null) {
            throw new IpvsException(IpvsException.Error.ESRCH);
        }
        return svc;
    }

    /** {@code ipvsadm -L --timeout}: TCP ESTABLISHED, TCP FIN_WAIT and UDP timeouts in seconds. */
    public int[] timeouts() {
        return new int[] {tcpTimeouts[IpvsTcpState.ESTABLISHED.ordinal()],
            tcpTimeouts[IpvsTcpState.FIN_WAIT.ordinal()], udpTimeout};
    }

    /**
     * {@code ip_vs_set_timeout}: {@code ipvsadm --set tcp tcpfin udp}; 0 leaves a value unchanged.
     * Existing connections keep their timeout until their next packet.
     */
    public void setTimeouts(int tcp, int tcpFin, int udp) {
        if (tcp > 0) {
            tcpTimeouts[IpvsTcpState.ESTABLISHED.ordinal()] = tcp;
        }
        if (tcpFin > 0) {
            tcpTimeouts[IpvsTcpState.FIN_WAIT.ordinal()] = tcpFin;
        }
        if (udp > 0) {
            udpTimeout = udp;
        }
    }

    /**
     * The connection table, newest entry first. The kernel lists it in hash
     * order with a random boot-time seed; this stable order stands in for it.
     */
    public List<IpvsConn> connections() {
        return conns.newestFirst();
    }

    /** The value of a {@code net.ipv4.vs} sysctl. */
    public int sysctl(String name) {
        return sysctl.get(name);
    }

    /** The names of the {@code net.ipv4.vs} sysctls. */
    public List<String> sysctlNames() {
        return sysctl.names();
    }

    /**
     * Writes a {@code net.ipv4.vs} sysctl.
     *
     * @return false if there is no such file or its proc handler refuses the value
     */
    public boolean setSysctl(String name, int value) {
        if (!sysctl.names().contains(name) || !sysctl.accepts(name, value)) {
            return false;
        }
        sysctl.write(name, value);
        return true;
    }

    // ------------------------------------------------------------------ SchedulerEnv

    @Override
    public long now() {
        return host.world().now();
    }

    @Override
    public Random random() {
        return host.world().random();
    }

    @Override
    public int lblcExpiration() {
        return sysctl.get("lblc_expiration");
    }

    @Override
    public int lblcrExpiration() {
        return sysctl.get("lblcr_expiration");
    }

    // ------------------------------------------------------------------ estimator

    private void estimate() {
        if (sysctl.get("run_estimation") != 0) {
            for (VirtualService svc : services.values()) {
                svc.stats().estimate();
                for (RealServer d : svc.destinations) {
                    d.stats().estimate();
                }
            }
        }
        estimator = services.isEmpty() ? null : host.world().events().schedule(ESTIMATOR_PERIOD, this::estimate);
    }

    // ------------------------------------------------------------------ packet path

    private boolean enabled() {
        return !services.isEmpty() || !conns.isEmpty();
    }

    private static int sport(Ipv4Payload p) {
        return p instanceof TcpSegment t ? t.sourcePort() : ((UdpDatagram) p).sourcePort();
    }

    private static int dport(Ipv4Payload p) {
        return p instanceof TcpSegment t ? t.destinationPort() : ((UdpDatagram) p).destinationPort();
    }

    /** {@code ip_vs_in_hook} at LOCAL_IN. */
    private boolean in(Ipv4Packet p, NetDevice dev) {
        if (!enabled() || dev.isLoopback()) {
            return false;
        }
        Ipv4Payload payload = p.payload();
        if (!(payload instanceof TcpSegment) && !(payload instanceof UdpDatagram)) {
            return false;
        }
        int proto = payload.protocol();
        int sport = sport(payload);
        int dport = dport(payload);
        IpvsConn cp = inGet(proto, p.source(), sport, p.destination(), dport);
        // read only for a packet of a known connection: a new one needs neither
        int reuse = cp == null ? 0 : sysctl.get("conn_reuse_mode");
        boolean expireNodest = cp != null && sysctl.get("expire_nodest_conn") != 0;
        if (cp != null && reuse != 0 && payload instanceof TcpSegment seg && isNewConn(seg)) {
            boolean resched = false;
            if (expireNodest && cp.dest.weight == 0) {
                resched = true;
            } else if (isNewConnExpected(cp, reuse)) {
                resched = true; // conntrack is not modelled: never an "old conntrack" to wait for
            }
            if (resched) {
                if (cp.nControl == 0) {
                    expireNow(cp);
                }
                cp = null;
            }
        }
        if (cp != null && !cp.dest.available) {
            if (expireNodest) {
                expireNow(cp);
                cp = null;
            } else {
                return true; // NF_DROP: the real server is gone, the connection lingers
            }
        }
        if (cp == null) {
            VirtualService svc = serviceFind(proto, p.destination(), dport);
            if (svc == null) {
                return false;
            }
            if (payload instanceof TcpSegment seg && !(seg.has(TcpSegment.SYN) && !seg.has(TcpSegment.RST))
                    && sysctl.get("sloppy_tcp") == 0) {
                return false; // tcp_conn_schedule: only a SYN creates a connection
            }
            cp = schedule(svc, p, sport, dport);
            if (cp == null) {
                leave(p);
                return true;
            }
        }
        countIn(cp, p.length());
        setState(cp, IpvsTcpState.Direction.INPUT, payload);
        boolean stolen = xmit(cp, p);
        put(cp);
        return stolen;
    }

    /** {@code is_new_conn}: a SYN without ACK. */
    private static boolean isNewConn(TcpSegment seg) {
        return seg.has(TcpSegment.SYN) && !seg.has(TcpSegment.ACK) && !seg.has(TcpSegment.RST)
                && !seg.has(TcpSegment.FIN);
    }

    /** {@code is_new_conn_expected}. */
    private static boolean isNewConnExpected(IpvsConn cp, int reuseMode) {
        if (cp.control != null || cp.protocol != IpvsProtocol.TCP.number()) {
            return false;
        }
        return cp.tcpState == IpvsTcpState.TIME_WAIT || cp.tcpState == IpvsTcpState.CLOSE
                || ((reuseMode & 2) != 0 && cp.tcpState == IpvsTcpState.FIN_WAIT && cp.noOutput);
    }

    /** {@code ip_vs_service_find}: exact service, then the port-zero service of the VIP. */
    private VirtualService serviceFind(int proto, Ipv4Address vaddr, int vport) {
        VirtualService found = foundSvc;
        if (found != null && foundProto == proto && foundVport == vport && foundVaddr.equals(vaddr)) {
            return found;
        }
        found = serviceLookup(proto, vaddr, vport);
        if (found != null) {
            foundSvc = found;
            foundProto = proto;
            foundVaddr = vaddr;
            foundVport = vport;
        }
        return found;
    }

    private VirtualService serviceLookup(int proto, Ipv4Address vaddr, int vport) {
        IpvsProtocol p = proto == IpvsProtocol.TCP.number() ? IpvsProtocol.TCP : IpvsProtocol.UDP;
        VirtualService svc = services.get(new ServiceKey(p, vaddr, vport, 0));
        if (svc == null) {
            svc = services.get(new ServiceKey(p, vaddr, 0, 0));
        }
        return svc;
    }

    /** {@code ip_vs_schedule}. */
    private IpvsConn schedule(VirtualService svc, Ipv4Packet p, int cport, int vport) {
        Flow flow = new Flow(p.source(), cport, p.destination(), vport);
        if (svc.persistent()) {
            return schedPersist(svc, p, flow);
        }
        if (!svc.key().isFwmark() && vport != svc.key().port()) {
            return null; // port zero only works for persistent services
        }
        RealServer dest = svc.scheduler.schedule(svc, flow);
        if (dest == null) {
            return null;
        }
        IpvsConn cp = connNew(p.protocol(), p.source(), cport, p.destination(), vport, dest,
                dest.port() != 0 ? dest.port() : vport, false, onePacket(svc, p));
        countConn(svc, dest);
        return cp;
    }

    private static boolean onePacket(VirtualService svc, Ipv4Packet p) {
        return svc.settings().onePacket() && p.protocol() == IpvsProtocol.UDP.number();
    }

    /** {@code ip_vs_sched_persist}: reuse the client's template, or schedule and make one. */
    private IpvsConn schedPersist(VirtualService svc, Ipv4Packet p, Flow flow) {
        Ipv4Address snet = new Ipv4Address(p.source().bits() & svc.settings().netmask().bits());
        int protocol = p.protocol();
        Ipv4Address vaddr = p.destination();
        int vport = 0;
        int dstPort = flow.destinationPort();
        if (dstPort == svc.key().port()) {
            if (svc.key().port() != FTPPORT) {
                vport = dstPort;
            }
        } else if (svc.key().isFwmark()) {
            protocol = IpvsConn.PROTO_IP;
            vaddr = new Ipv4Address((int) svc.key().fwmark());
        }
        IpvsConn ct = templateGet(protocol, snet, vaddr, vport);
        RealServer dest;
        if (ct == null || !checkTemplate(ct)) {
            dest = svc.scheduler.schedule(svc, flow);
            if (dest == null) {
                return null;
            }
            int tdport = 0;
            if (dstPort == svc.key().port() && svc.key().port() != FTPPORT) {
                tdport = dest.port();
            }
            ct = connNew(protocol, snet, 0, vaddr, vport, dest, tdport, true, false);
            ct.timeout = Durations.seconds(svc.settings().timeout());
        } else {
            dest = ct.dest;
        }
        int dport = dstPort;
        if (dport == svc.key().port() && dest.port() != 0) {
            dport = dest.port();
        }
        IpvsConn cp = connNew(p.protocol(), p.source(), flow.sourcePort(), p.destination(), dstPort, dest, dport,
                false, onePacket(svc, p));
        cp.control = ct;
        ct.nControl++;
        put(ct);
        countConn(svc, dest);
        return cp;
    }

    /**
     * {@code ip_vs_check_template}: a template whose real server was deleted
     * (or, with {@code expire_quiescent_template}, has weight 0) no longer
     * matches: its ports become 65535 and it waits for its timer.
     */
    private boolean checkTemplate(IpvsConn ct) {
        RealServer d = ct.dest;
        if (!d.available || (sysctl.get("expire_quiescent_template") != 0 && d.weight == 0)) {
            if (ct.vport != 0xffff) {
                ct.dport = 0xffff;
                ct.vport = 0xffff;
                ct.cport = 0;
            }
            return false;
        }
        return true;
    }

    private void countConn(VirtualService svc, RealServer dest) {
        dest.stats().countConn();
        svc.stats().countConn();
    }

    private void countIn(IpvsConn cp, int bytes) {
        cp.dest.stats().countIn(bytes);
        if (cp.dest.available) {
            cp.dest.owner.stats().countIn(bytes);
        }
    }

    private void countOut(IpvsConn cp, int bytes) {
        cp.dest.stats().countOut(bytes);
        if (cp.dest.available) {
            cp.dest.owner.stats().countOut(bytes);
        }
    }

    /**
     * {@code ip_vs_leave}: no real server for a new connection: ICMP port
     * unreachable to the client (even for TCP) and the packet is dropped.
     */
    private void leave(Ipv4Packet p) {
        host.icmp().sendError(p, IcmpUnreachable.PORT_UNREACH);
    }

    // ------------------------------------------------------------------ connection table

    private IpvsConn inGet(int proto, Ipv4Address caddr, int cport, Ipv4Address vaddr, int vport) {
        return conns.inGet(proto, caddr, cport, vaddr, vport);
    }

    private IpvsConn templateGet(int proto, Ipv4Address caddr, Ipv4Address vaddr, int vport) {
        return conns.templateGet(proto, caddr, vaddr, vport);
    }

    /** {@code ip_vs_conn_out_get}: a NAT reply from {@code daddr:dport} to the client. */
    private IpvsConn outGet(int proto, Ipv4Address saddr, int sport, Ipv4Address daddr, int dport) {
        return conns.outGet(proto, saddr, sport, daddr, dport);
    }

    /** {@code ip_vs_conn_new} with {@code ip_vs_bind_dest}. */
    private IpvsConn connNew(int proto, Ipv4Address caddr, int cport, Ipv4Address vaddr, int vport,
                             RealServer dest, int dport, boolean template, boolean onePacket) {
        IpvsConn cp = new IpvsConn(proto, caddr, cport, vaddr, vport, dest.address(), dport, template, dest);
        // __ip_vs_update_dest ORs IP_VS_CONN_F_INACTIVE into every dest's conn flags,
        // and NOOUTPUT for all but NAT.
        cp.inactive = true;
        cp.noOutput = dest.forward != ForwardMethod.MASQ;
        cp.onePacket = onePacket;
        if (template) {
            dest.persistConns++;
        } else {
            dest.inactConns++;
        }
        if (dest.upperThreshold != 0 && dest.totalConns() >= dest.upperThreshold) {
            dest.overloaded = true;
        }
        if (!onePacket) {
            conns.add(cp);
        }
        return cp;
    }

    /** {@code ip_vs_conn_put}: (re)arm the timer at the connection's current timeout. */
    private void put(IpvsConn cp) {
        if (cp.unlinked) {
            return;
        }
        long delay = cp.onePacket ? 0 : cp.timeout;
        cp.expires = host.world().now() + delay;
        timers.arm(cp, cp.expires);
    }

    /** {@code ip_vs_conn_expire_now}: the timer fires at once (after the current packet). */
    private void expireNow(IpvsConn cp) {
        if (ConnTimers.pending(cp)) {
            cp.expires = host.world().now();
            timers.arm(cp, cp.expires);
        }
    }

    /**
     * {@code ip_vs_conn_expire}: a template that still controls connections
     * waits another 60 s; anything else is unlinked and unbound from its real
     * server, whose counters and overload flag follow ({@code ip_vs_unbind_dest}).
     */
    private void expire(IpvsConn cp) {
        if (cp.nControl > 0) {
            cp.timeout = EXPIRE_LATER;
            put(cp);
            return;
        }
        conns.remove(cp);
        cp.unlinked = true;
        if (cp.control != null) {
            cp.control.nControl--;
            cp.control = null;
        }
        RealServer d = cp.dest;
        if (cp.template) {
            d.persistConns--;
        } else if (cp.inactive) {
            d.inactConns--;
        } else {
            d.activeConns--;
        }
        if (d.lowerThreshold != 0) {
            if (d.totalConns() < d.lowerThreshold) {
                d.overloaded = false;
            }
        } else if (d.upperThreshold != 0) {
            if (d.totalConns() * 4 < d.upperThreshold * 3) {
                d.overloaded = false;
            }
        } else {
            d.overloaded = false;
        }
    }

    /** {@code ip_vs_set_state}: TCP follows the tables; UDP just refreshes its timeout. */
    private void setState(IpvsConn cp, IpvsTcpState.Direction direction, Ipv4Payload payload) {
        if (!(payload instanceof TcpSegment seg)) {
            cp.timeout = Durations.seconds(udpTimeout);
            return;
        }
        IpvsTcpState.Direction dir = direction;
        if (cp.noOutput) {
            if (direction == IpvsTcpState.Direction.OUTPUT) {
                cp.noOutput = false;
            } else {
                dir = IpvsTcpState.Direction.INPUT_ONLY;
            }
        }
        IpvsTcpState next = cp.tcpState.next(dir, seg);
        if (next != cp.tcpState) {
            RealServer d = cp.dest;
            if (!cp.inactive && next != IpvsTcpState.ESTABLISHED) {
                d.activeConns--;
                d.inactConns++;
                cp.inactive = true;
            } else if (cp.inactive && next == IpvsTcpState.ESTABLISHED) {
                d.activeConns++;
                d.inactConns--;
                cp.inactive = false;
            }
            if (next == IpvsTcpState.ESTABLISHED && cp.control != null && cp.control.template) {
                cp.control.assured = true; // ip_vs_control_assure_ct
            }
        }
        cp.tcpState = next;
        cp.timeout = Durations.seconds(tcpTimeouts[next.ordinal()]);
    }

    // ------------------------------------------------------------------ transmitters

    /** Dispatch to {@code cp->packet_xmit}; false when the packet goes on to the local stack. */
    private boolean xmit(IpvsConn cp, Ipv4Packet p) {
        if (host.devinet().isLocalAddress(cp.daddr)) {
            if (cp.forward == ForwardMethod.MASQ) {
                return natXmit(cp, p);
            }
            return false; // a local real server: __ip_vs_get_out_rt finds a local route
        }
        return switch (cp.forward) {
            case DROUTE, LOCALNODE -> drXmit(cp, p);
            case TUNNEL -> tunnelXmit(cp, p);
            case MASQ -> natXmit(cp, p);
        };
    }

    private FibResult routeTo(Ipv4Address daddr) {
        try {
            return host.route().output(daddr, Ipv4Address.ANY, null);
        } catch (KernelException e) {
            return null;
        }
    }

    /**
     * {@code ip_vs_dr_xmit}: the datagram is not changed but for its TTL
     * ({@code decrement_ttl}); it is sent to the real server's MAC, resolved
     * for the RIP on the route's device ({@code IP_VS_RT_MODE_KNOWN_NH}).
     */
    private boolean drXmit(IpvsConn cp, Ipv4Packet p) {
        FibResult res = routeTo(cp.daddr);
        if (res == null || p.ttl() <= 1) {
            return true;
        }
        host.ip().output(p.withTtl(p.ttl() - 1),
                new FibResult(res.route(), RouteType.UNICAST, res.device(), cp.daddr, res.source()));
        return true;
    }

    /**
     * {@code ip_vs_tunnel_xmit}: the datagram (TTL decremented) goes inside an
     * IP-in-IP header from the director's address toward the RIP, with the
     * inner TOS, TTL and DF copied.
     */
    private boolean tunnelXmit(IpvsConn cp, Ipv4Packet p) {
        FibResult res = routeTo(cp.daddr);
        if (res == null || p.ttl() <= 1) {
            return true;
        }
        Ipv4Packet inner = p.withTtl(p.ttl() - 1);
        Ipv4Packet outer = new Ipv4Packet(inner.tos(), host.ip().nextId(), inner.dontFragment(), inner.ttl(),
                res.source(), cp.daddr, new IpInIp(inner));
        host.ip().output(outer, res);
        return true;
    }

    /** {@code ip_vs_nat_xmit}: destination rewritten to RIP:rport, then routed to it. */
    private boolean natXmit(IpvsConn cp, Ipv4Packet p) {
        FibResult res = routeTo(cp.daddr);
        if (res == null) {
            return true;
        }
        boolean local = res.type() == RouteType.LOCAL;
        if (!local && p.ttl() <= 1) {
            return true;
        }
        Ipv4Payload payload = rewritePorts(p.payload(), sport(p.payload()), cp.dport);
        Ipv4Packet out = new Ipv4Packet(p.tos(), p.id(), p.dontFragment(), local ? p.ttl() : p.ttl() - 1,
                p.source(), cp.daddr, payload);
        host.ip().output(out, res);
        return true;
    }

    private static Ipv4Payload rewritePorts(Ipv4Payload payload, int sport, int dport) {
        if (payload instanceof TcpSegment t) {
            return t.withPorts(sport, dport);
        }
        return ((UdpDatagram) payload).withPorts(sport, dport);
    }

    /**
     * {@code ip_vs_out_hook} at FORWARD: a reply of a NAT real server on its
     * way back to the client gets the VIP:vport as source
     * ({@code handle_response}, {@code tcp_snat_handler}) and is routed anew.
     */
    private boolean out(Ipv4Packet p, NetDevice dev) {
        if (!enabled()) {
            return false;
        }
        Ipv4Payload payload = p.payload();
        if (!(payload instanceof TcpSegment) && !(payload instanceof UdpDatagram)) {
            return false;
        }
        IpvsConn cp = outGet(payload.protocol(), p.source(), sport(payload), p.destination(), dport(payload));
        if (cp == null) {
            return false;
        }
        Ipv4Packet snat = new Ipv4Packet(p.tos(), p.id(), p.dontFragment(), p.ttl() - 1, cp.vaddr, p.destination(),
                rewritePorts(payload, cp.vport, dport(payload)));
        countOut(cp, p.length());
        setState(cp, IpvsTcpState.Direction.OUTPUT, payload);
        FibResult res = routeTo(p.destination());
        if (res != null) {
            host.ip().output(snat, res);
        }
        put(cp);
        return true;
    }
}
