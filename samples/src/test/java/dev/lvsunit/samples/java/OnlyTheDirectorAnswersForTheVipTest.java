package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.engine.net.Ipv4Address;
import org.junit.jupiter.api.Test;

/**
 * Goal (a): the central property of LVS direct routing in ten lines. The
 * director and the real server both hold the VIP; a client asking who has
 * the VIP must hear only the director, or its packets bypass the balancer.
 */
class OnlyTheDirectorAnswersForTheVipTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");

    @Test
    void withArpIgnoreAndArpAnnounceTheArpReplyForTheVipComesOnlyFromTheDirector() {
        Lab lab = Lab.create();
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        rs1.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2);
        client.eth0().add("192.168.0.50/24");

        client.arping("192.168.0.101");

        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
    }

    /**
     * The broken variant: the same cluster without the two sysctls. The
     * assertion fails, and its message shows the frame that matters: the real
     * server's reply, in tcpdump form, with the interface that sent it.
     */
    @Test
    void withoutThemTheRealServerAnswersTooAndTheFailureShowsItsReply() {
        Lab lab = Lab.create();
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        client.eth0().add("192.168.0.50/24");

        client.arping("192.168.0.101");

        assertThatThrownBy(() -> assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0()))
                .hasMessage("""
                        Expecting ARP replies for 192.168.0.101 to come only from 02:00:00:00:02:01 (director:eth0), \
                        but 1 of 2 came from elsewhere:
                          00:00:00.300020 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: \
                        Reply 192.168.0.101 is-at 02:00:00:00:03:01, length 28  (rs1:eth0 on net0)
                        all ARP replies for 192.168.0.101:
                          00:00:00.300020 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: \
                        Reply 192.168.0.101 is-at 02:00:00:00:03:01, length 28  (rs1:eth0 on net0)
                          00:00:00.300020 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: \
                        Reply 192.168.0.101 is-at 02:00:00:00:02:01, length 28  (director:eth0 on net0)
                        """);
    }
}
