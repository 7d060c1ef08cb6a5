package dev.lvsunit.engine.ipvs;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static dev.lvsunit.engine.TestWorlds.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.packet.IpInIp;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.tcp.TcpError;
import dev.lvsunit.engine.tcp.TcpLab;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three forwarding methods of ip_vs_xmit.c, end to end, and the classic DR mistakes. */
class ForwardingTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    final World w = new World();
    final Segment net0 = w.addSegment("net0");
    final ServiceKey key = ServiceKey.tcp(VIP, 80);

    Host host(String name, Segment seg, String address) {
        Host h = w.addHost(name);
        NetDevice eth0 = nic(h, "eth0");
        seg.attach(eth0);
        addr(eth0, address);
        return h;
    }

    /** The director: 192.168.0.2 on eth0 and the VIP on the alias eth0:0. */
    Host director() {
        Host director = host("director", net0, "192.168.0.2/24");
        addr(director.device("eth0").get(), "192.168.0.101/32", "eth0:0");
        return director;
    }

    /** {@code ipvsadm -A -t VIP:80 -s rr} and one real server with weight 1. */
    void roundRobinTo(Host director, String rip, int port, ForwardMethod method) throws IpvsException {
        director.ipvs().addService(key, ServiceSettings.of("rr"));
        director.ipvs().addDest(key, DestSettings.of(Ipv4Address.parse(rip), port, method, 1));
    }

    static void defaultRoute(Host h, String gw) {
        NetDevice dev = h.device("eth0").orElseThrow();
        h.fib().insert(new FibRoute(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("0.0.0.0/0"), 0, 0,
                dev, Ipv4Address.parse(gw), null, RtScope.UNIVERSE, FibRoute.PROTO_BOOT));
    }

    static void realServerWithVipOnLo(Host rs) {
        addr(rs.loopback(), "192.168.0.101/32", "lo:0");
        sysctl(rs, "net.ipv4.conf.all.arp_ignore", "1");
        sysctl(rs, "net.ipv4.conf.all.arp_announce", "2");
    }

    List<CapturedFrame> tcpFrames(Segment seg) {
        return seg.capture().stream().filter(f -> f.frame().payload() instanceof Ipv4Packet p
                && (p.payload() instanceof TcpSegment || p.payload() instanceof IpInIp)).collect(Collectors.toList());
    }

    /**
     * ip_vs_dr_xmit: the director re-sends the client's SYN with only the
     * MACs (director → RS) and the TTL changed; the RS answers the client
     * directly from the VIP.
     */
    @Test
    void directRouting() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        Host rs = host("rs1", net0, "192.168.0.11/24");
        realServerWithVipOnLo(rs);
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "192.168.0.11", 80, ForwardMethod.DROUTE);

        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 5);
        assertThat(x.received.toString()).isEqualTo("server-1\n");

        List<CapturedFrame> f = tcpFrames(net0);
        Ipv4Packet syn = (Ipv4Packet) f.get(0).frame().payload();
        Ipv4Packet fwd = (Ipv4Packet) f.get(1).frame().payload();
        assertThat(f.get(0).frame().destination()).isEqualTo(director.device("eth0").get().mac());
        assertThat(f.get(1).frame().source()).isEqualTo(director.device("eth0").get().mac());
        assertThat(f.get(1).frame().destination()).isEqualTo(rs.device("eth0").get().mac());
        assertThat(fwd.source()).isEqualTo(syn.source());
        assertThat(fwd.destination()).isEqualTo(VIP);
        assertThat(fwd.ttl()).isEqualTo(syn.ttl() - 1);
        assertThat(fwd.payload()).isEqualTo(syn.payload());
        Ipv4Packet synAck = (Ipv4Packet) f.get(2).frame().payload();
        assertThat(synAck.source()).isEqualTo(VIP);
        assertThat(f.get(2).frame().source()).isEqualTo(rs.device("eth0").get().mac());
        assertThat(f.get(2).frame().destination()).isEqualTo(client.device("eth0").get().mac());

        // the director saw SYN, ACK, data, ACK, FIN: the INPUT-ONLY table ends in FIN_WAIT
        IpvsConn c = director.ipvs().connections().get(0);
        assertThat(c.stateName()).isEqualTo("FIN_WAIT");
        assertThat(c.dest().inactConns()).isEqualTo(1);
        assertThat(c.dest().activeConns()).isZero();
    }

    /** A real server without the VIP drops the forwarded SYN; the client retries and gives up at 127 s. */
    @Test
    void realServerWithoutVipNeverAnswers() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        Host rs = host("rs1", net0, "192.168.0.11/24");
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "192.168.0.11", 80, ForwardMethod.DROUTE);

        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 200);
        assertThat(x.error).isEqualTo(TcpError.ETIMEDOUT);
        assertThat(x.finishedAt).isBetween(127_000_000_000L, 128_000_000_000L);
        // seven SYNs from the client (0, 1, 3, 7, 15, 31, 63 s), each forwarded by the director
        long syns = tcpFrames(net0).stream().filter(fr -> fr.ingress().host() == client).count();
        assertThat(syns).isEqualTo(7);
    }

    /**
     * The "forgot arp_ignore" failure: the RS answers ARP for its VIP on lo
     * (arp_ignore 0); it joined the segment last, so its reply arrives first
     * and the client caches the RS's MAC for the VIP, bypassing the director.
     */
    @Test
    void withoutArpIgnoreTheClientBypassesTheDirector() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        Host rs = host("rs1", net0, "192.168.0.11/24");
        addr(rs.loopback(), "192.168.0.101/32", "lo:0");
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "192.168.0.11", 80, ForwardMethod.DROUTE);

        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 5);
        assertThat(x.received.toString()).isEqualTo("server-1\n");
        assertThat(client.neigh().lookup(VIP, client.device("eth0").get()).orElseThrow().lladdr())
                .isEqualTo(rs.device("eth0").get().mac());
        assertThat(director.ipvs().connections()).isEmpty();
    }

    /**
     * ip_vs_nat_xmit and the SNAT of ip_vs_out: the RS sees the client's
     * address and its own as destination; its reply, routed through the
     * director (its default gateway), leaves with the VIP as source.
     */
    @Test
    void masquerading() throws Exception {
        Segment net1 = w.addSegment("net1");
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        NetDevice eth1 = nic(director, "eth1");
        net1.attach(eth1);
        addr(eth1, "10.0.0.1/24");
        sysctl(director, "net.ipv4.ip_forward", "1");
        Host rs = host("rs1", net1, "10.0.0.11/24");
        defaultRoute(rs, "10.0.0.1");
        TcpLab.answer(rs, 8080, "server-1\n");
        roundRobinTo(director, "10.0.0.11", 8080, ForwardMethod.MASQ);

        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 5);
        assertThat(x.received.toString()).isEqualTo("server-1\n");
        Ipv4Packet toRs = (Ipv4Packet) tcpFrames(net1).get(0).frame().payload();
        assertThat(toRs.source()).isEqualTo(Ipv4Address.parse("192.168.0.50"));
        assertThat(toRs.destination()).isEqualTo(Ipv4Address.parse("10.0.0.11"));
        assertThat(((TcpSegment) toRs.payload()).destinationPort()).isEqualTo(8080);
        Ipv4Packet reply = (Ipv4Packet) tcpFrames(net0).get(1).frame().payload();
        assertThat(reply.source()).isEqualTo(VIP);
        assertThat(((TcpSegment) reply.payload()).sourcePort()).isEqualTo(80);
        // NAT sees both directions: the full INPUT/OUTPUT tables, ending in TIME_WAIT or CLOSE
        IpvsConn c = director.ipvs().connections().get(0);
        assertThat(c.stateName()).isIn("TIME_WAIT", "CLOSE", "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK");
        assertThat(c.dest().stats().outPkts()).isPositive();
    }

    /** Without ip_forward the director drops the RS's replies: the client never connects. */
    @Test
    void masqueradingNeedsIpForward() throws Exception {
        Segment net1 = w.addSegment("net1");
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        NetDevice eth1 = nic(director, "eth1");
        net1.attach(eth1);
        addr(eth1, "10.0.0.1/24");
        Host rs = host("rs1", net1, "10.0.0.11/24");
        defaultRoute(rs, "10.0.0.1");
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "10.0.0.11", 80, ForwardMethod.MASQ);
        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 5);
        assertThat(x.connected).isFalse();
    }

    /**
     * ip_vs_tunnel_xmit: IP-in-IP from the director's address to the RIP; the
     * RS decapsulates on tunl0 (VIP there, up) and answers from the VIP.
     */
    @Test
    void tunnelling() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        Host rs = host("rs1", net0, "192.168.0.11/24");
        NetDevice tunl0 = IpipTunnel.load(rs);
        addr(tunl0, "192.168.0.101/32");
        rs.setUp(tunl0, true);
        sysctl(rs, "net.ipv4.conf.all.arp_ignore", "1");
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "192.168.0.11", 80, ForwardMethod.TUNNEL);

        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 5);
        assertThat(x.received.toString()).isEqualTo("server-1\n");
        Ipv4Packet outer = (Ipv4Packet) tcpFrames(net0).get(1).frame().payload();
        assertThat(outer.source()).isEqualTo(Ipv4Address.parse("192.168.0.2"));
        assertThat(outer.destination()).isEqualTo(Ipv4Address.parse("192.168.0.11"));
        Ipv4Packet inner = ((IpInIp) outer.payload()).inner();
        assertThat(inner.destination()).isEqualTo(VIP);
        assertThat(inner.source()).isEqualTo(Ipv4Address.parse("192.168.0.50"));
    }

    /** With tunl0 down no tunnel matches: tunnel4_rcv answers port unreachable, nothing reaches TCP. */
    @Test
    void tunnellingNeedsTunl0Up() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        Host rs = host("rs1", net0, "192.168.0.11/24");
        NetDevice tunl0 = IpipTunnel.load(rs);
        addr(tunl0, "192.168.0.101/32");
        sysctl(rs, "net.ipv4.conf.all.arp_ignore", "1");
        TcpLab.answer(rs, 80, "server-1\n");
        roundRobinTo(director, "192.168.0.11", 80, ForwardMethod.TUNNEL);
        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 3);
        assertThat(x.connected).isFalse();
    }

    /** ip_vs_leave: a service without real servers answers a SYN with ICMP port unreachable: refused. */
    @Test
    void noDestinationIsRefused() throws Exception {
        Host client = host("client", net0, "192.168.0.50/24");
        Host director = director();
        director.ipvs().addService(key, ServiceSettings.of("wlc"));
        TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET /\r\n\r\n", 3);
        assertThat(x.error).isEqualTo(TcpError.ECONNREFUSED);
    }
}
