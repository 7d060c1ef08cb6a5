package dev.lvsunit.tools.nettools;

import org.junit.jupiter.api.Test;

/**
 * The commands of seed article 003 (LVS-DR with ifconfig aliases and host
 * routes through them). Expected outputs were recorded with net-tools 2.10 and
 * procps 4.0.2 on kernel 6.18, in two network namespaces (lvn-d, lvn-r) joined
 * by a veth, IPv6 disabled, MACs as the spec format gives them.
 */
class SeedArticle003Test {

    private final Terminal t = Terminal.lan("director", "rs1");

    @Test
    void directorTakesTheVipOnAnEthernetAlias() {
        t.quiet("director", "ifconfig eth0 192.168.0.178 netmask 255.255.255.0 up");
        t.quiet("director", "ifconfig eth0:0 192.168.0.101 broadcast 192.168.0.101 netmask 255.255.255.255 up");
        // real: ifconfig (the seed's printout, /24 and .255 for the alias, is not what 2.10 does)
        t.expect("director", "ifconfig", ""
                + "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                + "        inet 192.168.0.178  netmask 255.255.255.0  broadcast 192.168.0.255\n"
                + "        ether 02:00:00:00:01:01  txqueuelen 1000  (Ethernet)\n"
                + "        RX packets 0  bytes 0 (0.0 B)\n"
                + "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                + "        TX packets 0  bytes 0 (0.0 B)\n"
                + "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
                + "\n"
                + "eth0:0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                + "        inet 192.168.0.101  netmask 255.255.255.255  broadcast 192.168.0.101\n"
                + "        ether 02:00:00:00:01:01  txqueuelen 1000  (Ethernet)\n"
                + "\n"
                + "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"
                + "        inet 127.0.0.1  netmask 255.0.0.0\n"
                + "        loop  txqueuelen 1000  (Local Loopback)\n"
                + "        RX packets 0  bytes 0 (0.0 B)\n"
                + "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                + "        TX packets 0  bytes 0 (0.0 B)\n"
                + "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
                + "\n");
        // real: sysctl -w net.ipv4.ip_forward=1
        t.expect("director", "sysctl -w net.ipv4.ip_forward=1", "net.ipv4.ip_forward = 1\n");
        t.quiet("director", "route add -host 192.168.0.101 dev eth0:0");
        // real: route -n
        t.expect("director", "route -n", ""
                + "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
                + "192.168.0.0     0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "192.168.0.101   0.0.0.0         255.255.255.255 UH    0      0        0 eth0\n");
    }

    @Test
    void realServerTakesTheVipOnLoopbackAndSilencesArp() {
        t.quiet("rs1", "ifconfig eth0 192.168.0.179 netmask 255.255.255.0");
        t.expect("rs1", "sysctl -w net.ipv4.conf.eth0.arp_announce=2", "net.ipv4.conf.eth0.arp_announce = 2\n");
        t.expect("rs1", "sysctl -w net.ipv4.conf.all.arp_announce=2", "net.ipv4.conf.all.arp_announce = 2\n");
        t.expect("rs1", "sysctl -w net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_ignore = 1\n");
        t.expect("rs1", "sysctl -w net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_ignore = 1\n");
        t.quiet("rs1", "ifconfig lo:0 192.168.0.101 broadcast 192.168.0.101 netmask 255.255.255.255 up");
        t.quiet("rs1", "route add -host 192.168.0.101 dev lo:0");
        // real: route -n
        t.expect("rs1", "route -n", ""
                + "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n"
                + "192.168.0.0     0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "192.168.0.101   0.0.0.0         255.255.255.255 UH    0      0        0 lo\n");
        // real: ifconfig (lo:0 has no broadcast line: loopback is not IFF_BROADCAST)
        t.expect("rs1", "ifconfig", ""
                + "eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                + "        inet 192.168.0.179  netmask 255.255.255.0  broadcast 192.168.0.255\n"
                + "        ether 02:00:00:00:02:01  txqueuelen 1000  (Ethernet)\n"
                + "        RX packets 0  bytes 0 (0.0 B)\n"
                + "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                + "        TX packets 0  bytes 0 (0.0 B)\n"
                + "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
                + "\n"
                + "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"
                + "        inet 127.0.0.1  netmask 255.0.0.0\n"
                + "        loop  txqueuelen 1000  (Local Loopback)\n"
                + "        RX packets 0  bytes 0 (0.0 B)\n"
                + "        RX errors 0  dropped 0  overruns 0  frame 0\n"
                + "        TX packets 0  bytes 0 (0.0 B)\n"
                + "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n"
                + "\n"
                + "lo:0: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"
                + "        inet 192.168.0.101  netmask 255.255.255.255\n"
                + "        loop  txqueuelen 1000  (Local Loopback)\n"
                + "\n");
        // real: the alias makes the route's source the VIP (ip route: "192.168.0.101 dev lo scope link src 192.168.0.101")
        org.assertj.core.api.Assertions.assertThat(t.get("rs1").fib().routes())
                .anySatisfy(r -> {
                    org.assertj.core.api.Assertions.assertThat(r.destination().toString()).isEqualTo("192.168.0.101/32");
                    org.assertj.core.api.Assertions.assertThat(String.valueOf(r.prefsrc())).isEqualTo("192.168.0.101");
                    org.assertj.core.api.Assertions.assertThat(r.device().name()).isEqualTo("lo");
                });
        // real: sysctl with three keys: default and lo untouched, all and eth0 at 1
        t.expect("rs1", "sysctl net.ipv4.conf.default.arp_ignore net.ipv4.conf.lo.arp_ignore net.ipv4.conf.eth0.arp_ignore",
                "net.ipv4.conf.default.arp_ignore = 0\n"
                        + "net.ipv4.conf.lo.arp_ignore = 0\n"
                        + "net.ipv4.conf.eth0.arp_ignore = 1\n");
    }
}
