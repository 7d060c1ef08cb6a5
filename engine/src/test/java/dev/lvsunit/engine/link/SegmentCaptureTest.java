package dev.lvsunit.engine.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recording frames for {@code @tcpdump} can be paused without changing what the segment delivers. */
class SegmentCaptureTest {

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
    void framesSentWhileNotCapturingAreDeliveredAndHeardByListenersButNotRecorded() {
        NetDevice a = join("a", "02:00:00:00:01:01");
        NetDevice b = join("b", "02:00:00:00:02:01");
        List<NetDevice> heard = new ArrayList<>();
        lan.addListener(f -> heard.add(f.ingress()));
        assertThat(lan.capturing()).isTrue();

        a.transmit(frame(b.mac(), a.mac()));
        lan.setCapturing(false);
        b.transmit(frame(a.mac(), b.mac()));
        lan.setCapturing(true);
        a.transmit(frame(b.mac(), a.mac()));
        world.runFor(1_000_000);

        assertThat(lan.capture()).extracting(CapturedFrame::ingress).containsExactly(a, a);
        assertThat(heard).containsExactly(a, b, a);
        assertThat(List.of(a.stats().rxPackets(), b.stats().rxPackets())).containsExactly(1L, 2L);
    }
}
