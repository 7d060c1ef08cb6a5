package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.ipvs.RealServer.realServer;
import static dev.lvsunit.dsl.ipvs.Service.tcp;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Topology;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.engine.net.Ipv4Address;

/**
 * The LVS direct-routing cluster of the seed articles, declared once and
 * reused by the samples: a client, a director that owns the VIP and
 * balances port 80 round-robin over two real servers, and the real servers,
 * which hold the VIP on {@code lo:0} and serve a page naming themselves.
 *
 * <pre>
 *   client 192.168.0.50 ──┐
 *   director 192.168.0.2 + VIP 192.168.0.101 (eth0:0) ──┤ net0
 *   rs1 192.168.0.8 + VIP on lo:0 ──┤
 *   rs2 192.168.0.9 + VIP on lo:0 ──┘
 * </pre>
 *
 * It is the setup as it is before anyone thinks of ARP: the real servers
 * still answer ARP for the VIP. {@link #hideTheVip} applies the LVS HOWTO's
 * cure.
 */
public final class LvsDr implements Topology {

    public static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    public static final Ipv4Address DIRECTOR = Ipv4Address.parse("192.168.0.2");
    public static final Ipv4Address RS1 = Ipv4Address.parse("192.168.0.8");
    public static final Ipv4Address RS2 = Ipv4Address.parse("192.168.0.9");
    public static final Ipv4Address CLIENT = Ipv4Address.parse("192.168.0.50");

    @Override
    public void build(Lab lab) {
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        Host rs2 = lab.host("rs2");
        lab.lan("net0", client, director, rs1, rs2);

        director.eth0().add(DIRECTOR + "/24").add(addr(VIP + "/32").label("eth0:0"));
        director.ipvs().add(tcp(VIP, 80).scheduler(Scheduler.RR))
                .add(realServer(RS1.toString()))
                .add(realServer(RS2.toString()));

        for (Host rs : new Host[] {rs1, rs2}) {
            rs.eth0().add((rs == rs1 ? RS1 : RS2) + "/24");
            rs.lo().add(addr(VIP + "/32").label("lo:0"));
            rs.serve(80, "hello from " + rs.name());
        }
        client.eth0().add(CLIENT + "/24");
    }

    /**
     * The LVS HOWTO's ARP settings on a real server: answer ARP only for
     * addresses of the receiving interface ({@code arp_ignore=1}), and never
     * announce the VIP as the source of a request ({@code arp_announce=2}).
     */
    public static void hideTheVip(Host realServer) {
        realServer.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2);
    }
}
