package dev.lvsunit.junit;

import static dev.lvsunit.dsl.Addr.addr;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Topology;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;

/** LVS-DR as the seed articles set it up, before any ARP sysctl: the real server still answers for the VIP. */
public class DrTopology implements Topology {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    static final Ipv4Address CLIENT = Ipv4Address.parse("192.168.0.50");

    @Override
    public void build(Lab lab) {
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        client.eth0().add("192.168.0.50/24");
    }

    /** The client asks who has {@code target}, as a kernel request would, and the world runs 50 ms. */
    static void whoHas(Lab lab, Ipv4Address target) {
        Host client = lab.host("client");
        MacAddress mac = client.eth0().mac();
        client.eth0().send(new EthernetFrame(MacAddress.BROADCAST, mac,
                new ArpPacket(ArpPacket.REQUEST, mac, CLIENT, MacAddress.ZERO, target)));
        lab.runFor(java.time.Duration.ofMillis(50));
    }
}
