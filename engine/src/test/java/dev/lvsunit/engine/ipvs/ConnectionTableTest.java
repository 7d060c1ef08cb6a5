package dev.lvsunit.engine.ipvs;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.engine.sim.Durations;
import org.junit.jupiter.api.Test;

/**
 * The connection table of ip_vs_conn.c driven by raw client segments: counters,
 * thresholds, timers, templates, deleted real servers, UDP.
 */
class ConnectionTableTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    static final Ipv4Address RS1 = Ipv4Address.parse("192.168.0.11");
    static final Ipv4Address RS2 = Ipv4Address.parse("192.168.0.12");
    final World w = new World();
    final Segment net0 = w.addSegment("net0");
    final Host client = host("client", "192.168.0.50/24");
    final Host director = host("director", "192.168.0.2/24");
    final Ipvs ipvs = director.ipvs();
    final ServiceKey key = ServiceKey.tcp(VIP, 80);

    ConnectionTableTest() {
        addr(director.device("eth0").get(), "192.168.0.101/32", "eth0:0");
        host("rs1", "192.168.0.11/24");
        host("rs2", "192.168.0.12/24");
    }

    Host host(String name, String address) {
        Host h = w.addHost(name);
        var eth0 = nic(h, "eth0");
        net0.attach(eth0);
        addr(eth0, address);
        return h;
    }

    void send(int sport, int flags) throws Exception {
        client.ip().sendLocal(VIP, Ipv4Address.ANY, null, true, new TcpSegment(sport, 80, 1000, 0, flags, 64240, ""));
        w.runFor(Durations.millis(1));
    }

    /** ip_vs_bind_dest / ip_vs_unbind_dest: -x sets OVERLOAD at x connections, -y clears it below y. */
    @Test
    void thresholds() throws Exception {
        // fo: always the heaviest server that is not overloaded
        ipvs.addService(key, ServiceSettings.of("fo"));
        ipvs.addDest(key, DestSettings.of(RS2, 80, ForwardMethod.DROUTE, 1));
        ipvs.addDest(key, new DestSettings(RS1, 80, ForwardMethod.DROUTE, 100, 2, 1));
        RealServer rs1 = ipvs.service(key).get().find(RS1, 80);
        send(40000, TcpSegment.SYN);
        send(40002, TcpSegment.SYN);
        assertThat(rs1.inactConns()).isEqualTo(2);
        assertThat(rs1.overloaded()).isTrue();
        send(40004, TcpSegment.SYN);
        assertThat(ipvs.connections().get(0).destinationAddress()).isEqualTo(RS2);
        // SYN_RECV lasts 60 s; below -y 1 only when all are gone
        w.runFor(Durations.seconds(61));
        assertThat(rs1.inactConns()).isZero();
        assertThat(rs1.overloaded()).isFalse();
    }

    /** Only a SYN creates a connection (tcp_conn_schedule); a stray ACK goes to the local stack. */
    @Test
    void onlySynSchedules() throws Exception {
        ipvs.addService(key, ServiceSettings.of("rr"));
        ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 1));
        send(40000, TcpSegment.ACK);
        assertThat(ipvs.connections()).isEmpty();
        send(40000, TcpSegment.SYN);
        send(40000, TcpSegment.ACK);
        IpvsConn c = ipvs.connections().get(0);
        assertThat(c.stateName()).isEqualTo("ESTABLISHED");
        assertThat(c.dest().activeConns()).isEqualTo(1);
        assertThat(c.expires() - w.now()).isBetween(Durations.seconds(899), Durations.seconds(900));
    }

    /**
     * A deleted real server: with expire_nodest_conn 0 its connection's
     * packets are dropped and the entry lingers until its timer; with 1 the
     * entry goes at once.
     */
    @Test
    void deletedRealServer() throws Exception {
        ipvs.addService(key, ServiceSettings.of("rr"));
        ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 1));
        send(40000, TcpSegment.SYN);
        send(40000, TcpSegment.ACK);
        ipvs.deleteDest(key, RS1, 80);
        long before = net0.capture().size();
        send(40000, TcpSegment.ACK);
        assertThat(net0.capture().size() - before).isEqualTo(1); // the client's segment, not forwarded
        assertThat(ipvs.connections()).hasSize(1);
        // re-adding within the trash period revives the same object and its counters
        RealServer again = ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 1));
        assertThat(again.activeConns()).isEqualTo(1);
        ipvs.deleteDest(key, RS1, 80);
        assertThat(ipvs.setSysctl("expire_nodest_conn", 1)).isTrue();
        send(40000, TcpSegment.ACK);
        assertThat(ipvs.connections()).isEmpty();
    }

    /** A template whose real server was deleted stops matching: its ports become 65535. */
    @Test
    void invalidatedTemplate() throws Exception {
        ipvs.addService(key, ServiceSettings.of("rr").withPersistence(300));
        ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 1));
        ipvs.addDest(key, DestSettings.of(RS2, 80, ForwardMethod.DROUTE, 1));
        send(40000, TcpSegment.SYN);
        IpvsConn template = ipvs.connections().stream().filter(IpvsConn::template).findFirst().orElseThrow();
        assertThat(template.destinationAddress()).isEqualTo(RS2);
        assertThat(template.clientPort()).isZero();
        ipvs.deleteDest(key, RS2, 80);
        send(40002, TcpSegment.SYN);
        assertThat(template.virtualPort()).isEqualTo(0xffff);
        assertThat(template.destinationPort()).isEqualTo(0xffff);
        assertThat(ipvs.connections().get(0).destinationAddress()).isEqualTo(RS1);
    }

    /** UDP entries are always inactive, live 300 s, and --set's third value changes that. */
    @Test
    void udp() throws Exception {
        ServiceKey dns = ServiceKey.udp(VIP, 53);
        ipvs.addService(dns, ServiceSettings.of("rr"));
        ipvs.addDest(dns, DestSettings.of(RS1, 53, ForwardMethod.DROUTE, 1));
        client.ip().sendLocal(VIP, Ipv4Address.ANY, null, false, new UdpDatagram(5000, 53, "q"));
        w.runFor(Durations.millis(1));
        IpvsConn c = ipvs.connections().get(0);
        assertThat(c.stateName()).isEqualTo("UDP");
        assertThat(c.dest().inactConns()).isEqualTo(1);
        assertThat(c.expires() - w.now()).isBetween(Durations.seconds(299), Durations.seconds(300));
        ipvs.setTimeouts(0, 0, 10);
        client.ip().sendLocal(VIP, Ipv4Address.ANY, null, false, new UdpDatagram(5000, 53, "q"));
        w.runFor(Durations.seconds(11));
        assertThat(ipvs.connections()).isEmpty();
    }

    /** The rate estimator: 10 connections in the first 2 s give cps (10 << 9 >> 2 + 0x1ff) >> 10 = 1. */
    @Test
    void rateEstimator() throws Exception {
        ipvs.addService(key, ServiceSettings.of("rr"));
        ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 1));
        for (int i = 0; i < 10; i++) {
            send(40000 + 2 * i, TcpSegment.SYN);
        }
        w.runFor(Durations.seconds(2));
        IpvsStats s = ipvs.service(key).get().stats();
        assertThat(s.conns()).isEqualTo(10);
        // rate = 10 << 9 = 5120; cps = 0 + (5120 - 0) >> 2 = 1280; read: (1280 + 511) >> 10 = 1
        assertThat(s.cps()).isEqualTo(1);
        // inbps: 10 * 40 bytes << 4 = 6400 >> 2 = 1600; read (1600 + 15) >> 5 = 50
        assertThat(s.inBps()).isEqualTo(50);
    }
}
