package dev.lvsunit.engine.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning switch behind {@code @lan}, flooding newest port first as a Linux bridge does. */
class SegmentTest {

    private final World world = new World();
    private final Segment lan = world.addSegment("net0");

    private NetDevice join(String hostName, String mac) {
        Host h = world.addHost(hostName);
        NetDevice d = h.addEthernet("eth0", MacAddress.parse(mac));
        lan.attach(d);
        return d;
    }

    private static EthernetFrame frame(MacAddress dst, MacAddress src) {
        return new EthernetFrame(dst, src, new ArpPacket(ArpPacket.REPLY, src, Ipv4Address.ANY, dst, Ipv4Address.ANY));
    }

    @Test
    void broadcastsReachEveryOtherPortAndUnicastOnlyTheLearnedPort() {
        NetDevice a = join("a", "02:00:00:00:01:01");
        NetDevice b = join("b", "02:00:00:00:02:01");
        NetDevice c = join("c", "02:00:00:00:03:01");
        a.transmit(frame(MacAddress.BROADCAST, a.mac()));
        world.runFor(1_000_000);
        assertThat(List.of(a.stats().rxPackets(), b.stats().rxPackets(), c.stats().rxPackets()))
                .containsExactly(0L, 1L, 1L);
        // the switch learnt a's port from its broadcast: b's answer goes to a alone
        b.transmit(frame(a.mac(), b.mac()));
        world.runFor(1_000_000);
        assertThat(List.of(a.stats().rxPackets(), b.stats().rxPackets(), c.stats().rxPackets()))
                .containsExactly(1L, 1L, 1L);
        assertThat(lan.capture()).extracting(f -> f.ingress().host().name()).containsExactly("a", "b");
    }

    @Test
    void unknownUnicastIsFloodedAndADownInterfaceReceivesNothing() {
        NetDevice a = join("a", "02:00:00:00:01:01");
        NetDevice b = join("b", "02:00:00:00:02:01");
        NetDevice c = join("c", "02:00:00:00:03:01");
        c.host().setUp(c, false);
        a.transmit(frame(MacAddress.parse("02:00:00:00:09:09"), a.mac()));
        world.runFor(1_000_000);
        assertThat(b.stats().rxPackets()).isEqualTo(1);
        assertThat(c.stats().rxPackets()).isZero();
    }

    @Test
    void anInterfaceJoinsAtMostOneSegment() {
        NetDevice a = join("a", "02:00:00:00:01:01");
        Segment other = world.addSegment("net1");
        assertThatThrownBy(() -> other.attach(a)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already on segment net0");
    }
}
