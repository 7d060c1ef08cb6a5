package dev.lvsunit.engine.ipvs;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static dev.lvsunit.engine.TestWorlds.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.tcp.TcpLab;
import org.junit.jupiter.api.Test;

class DrQuickTest {
    @Test
    void quick() throws Exception {
        World w = new World();
        Segment net = w.addSegment("net0");
        Host client = w.addHost("client");
        Host dir = w.addHost("director");
        Host rs1 = w.addHost("rs1");
        Host rs2 = w.addHost("rs2");
        for (Host h : new Host[] {client, dir, rs1, rs2}) {
            net.attach(nic(h, "eth0"));
        }
        addr(client.device("eth0").get(), "192.168.0.50/24");
        addr(dir.device("eth0").get(), "192.168.0.2/24");
        addr(dir.device("eth0").get(), "192.168.0.101/32", "eth0:0");
        addr(rs1.device("eth0").get(), "192.168.0.11/24");
        addr(rs2.device("eth0").get(), "192.168.0.12/24");
        for (Host rs : new Host[] {rs1, rs2}) {
            addr(rs.loopback(), "192.168.0.101/32", "lo:0");
            sysctl(rs, "net.ipv4.conf.all.arp_ignore", "1");
            sysctl(rs, "net.ipv4.conf.all.arp_announce", "2");
        }
        TcpLab.answer(rs1, 80, "server-1\n");
        TcpLab.answer(rs2, 80, "server-2\n");
        ServiceKey k = ServiceKey.tcp(Ipv4Address.parse("192.168.0.101"), 80);
        dir.ipvs().addService(k, ServiceSettings.of("wlc"));
        dir.ipvs().addDest(k, DestSettings.of(Ipv4Address.parse("192.168.0.11"), 80, ForwardMethod.DROUTE, 2));
        dir.ipvs().addDest(k, DestSettings.of(Ipv4Address.parse("192.168.0.12"), 80, ForwardMethod.DROUTE, 1));
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            TcpLab.Exchange x = TcpLab.exchange(client, "192.168.0.101", 80, "GET / HTTP/1.1\r\n\r\n", 10);
            System.out.println(x.events + " " + x.received);
            order.append(x.received);
        }
        for (IpvsConn c : dir.ipvs().connections()) {
            System.out.println(c + " " + (c.expires() - w.now()));
        }
        for (var f : net.capture()) {
            System.out.println(f.timeNanos() + " " + f.frame());
        }
        assertThat(order.toString()).isEqualTo("server-2\nserver-1\nserver-1\n");
    }
}
