package dev.lvsunit.engine.tcp;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The TCP of tcp_input.c/tcp_output.c as far as lvsunit models it. */
class TcpTest {

    final World w = new World();
    final Segment net0 = w.addSegment("net0");
    final Host client = host("client", "10.0.0.10/24");
    final Host server = host("server", "10.0.0.11/24");

    Host host(String name, String address) {
        Host h = w.addHost(name);
        var eth0 = nic(h, "eth0");
        net0.attach(eth0);
        addr(eth0, address);
        return h;
    }

    List<TcpSegment> segments() {
        return net0.capture().stream().map(CapturedFrame::frame)
                .filter(f -> f.payload() instanceof Ipv4Packet p && p.payload() instanceof TcpSegment)
                .map(f -> (TcpSegment) ((Ipv4Packet) f.payload()).payload()).collect(Collectors.toList());
    }

    static String flags(TcpSegment s) {
        StringBuilder b = new StringBuilder();
        if (s.has(TcpSegment.FIN)) {
            b.append('F');
        }
        if (s.has(TcpSegment.SYN)) {
            b.append('S');
        }
        if (s.has(TcpSegment.RST)) {
            b.append('R');
        }
        if (s.has(TcpSegment.PSH)) {
            b.append('P');
        }
        if (s.has(TcpSegment.ACK)) {
            b.append('.');
        }
        return b.toString();
    }

    /**
     * Handshake, request, response, close: the server answers and closes
     * (FIN right after its data); the client acknowledges, closes in turn,
     * and the server's last ACK leaves the server in TIME_WAIT.
     */
    @Test
    void exchangeAndClose() {
        TcpLab.answer(server, 80, "hello\n");
        TcpLab.Exchange x = TcpLab.exchange(client, "10.0.0.11", 80, "GET\r\n\r\n", 5);
        assertThat(x.received.toString()).isEqualTo("hello\n");
        assertThat(segments()).extracting(TcpTest::flags)
                .containsExactly("S", "S.", ".", "P.", "P.", "F.", ".", "F.", ".");
        List<TcpSegment> s = segments();
        assertThat(s.get(1).acknowledgment()).isEqualTo((s.get(0).sequence() + 1) & 0xffffffffL);
        assertThat(s.get(0).options().mss()).isEqualTo(1460);
        assertThat(s.get(0).window()).isEqualTo(64240);
        assertThat(s.get(1).window()).isEqualTo(65160);
        assertThat(server.tcp().sockets()).extracting(TcpSocket::state).containsExactly(TcpState.TIME_WAIT);
        assertThat(client.tcp().sockets()).isEmpty();
        w.runFor(61_000_000_000L);
        assertThat(server.tcp().sockets()).isEmpty();
    }

    /** tcp_v4_send_reset: a SYN to a closed port gets RST+ACK, seq 0, ack = ISN + 1: refused at once. */
    @Test
    void closedPortIsRefused() {
        TcpLab.Exchange x = TcpLab.exchange(client, "10.0.0.11", 81, "GET\r\n\r\n", 5);
        assertThat(x.error).isEqualTo(TcpError.ECONNREFUSED);
        List<TcpSegment> s = segments();
        assertThat(s).extracting(TcpTest::flags).containsExactly("S", "R.");
        assertThat(s.get(1).sequence()).isZero();
        assertThat(s.get(1).acknowledgment()).isEqualTo((s.get(0).sequence() + 1) & 0xffffffffL);
    }

    /**
     * tcp_retransmit_timer with tcp_syn_retries 6: SYNs at 0, 1, 3, 7, 15, 31
     * and 63 s (RTO 1 s doubling), ETIMEDOUT at 127 s. The peer is an address
     * that answers ARP but has no TCP stack reachable: a host whose SYNs are lost.
     */
    @Test
    void synRetransmissionOnTheVirtualClock() {
        // server holds 10.0.0.11 but drops TCP to it: give it rp_filter-free silence by
        // sending to an address nobody owns on a connected route → ARP fails → EHOSTUNREACH
        TcpLab.Exchange unreachable = TcpLab.exchange(client, "10.0.0.99", 80, "x", 10);
        assertThat(unreachable.error).isEqualTo(TcpError.EHOSTUNREACH);
        assertThat(unreachable.finishedAt).isBetween(3_000_000_000L, 3_100_000_000L);
    }

    @Test
    void synRetransmissionTimes() {
        // a listener that never answers: the server host's TCP is bypassed by sending
        // to a port whose SYNs the server silently drops (a SYN with a bad ack would be RST):
        // use a peer that does not run TCP at all: packets to it are dropped by Ip (not local)
        Host silent = host("silent", "10.0.0.12/24");
        silent.ip().registerLocalIn((p, in) -> p.payload() instanceof TcpSegment); // a firewall DROP rule
        long start = w.now();
        TcpLab.Exchange x = TcpLab.exchange(client, "10.0.0.12", 80, "x", 200);
        assertThat(x.error).isEqualTo(TcpError.ETIMEDOUT);
        List<Long> synTimes = net0.capture().stream()
                .filter(f -> f.frame().payload() instanceof Ipv4Packet p && p.payload() instanceof TcpSegment)
                .map(f -> (f.timeNanos() - start) / 1_000_000_000L).collect(Collectors.toList());
        assertThat(synTimes).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L);
        assertThat(x.finishedAt - start).isEqualTo(127_000_000_000L);
    }

    /** A RST on an established connection resets it. */
    @Test
    void abortSendsReset() throws Exception {
        server.tcp().listen(80, s -> new TcpHandler() {
            @Override
            public void received(TcpSocket sock, String data) {
                sock.abort();
            }
        });
        TcpLab.Exchange x = TcpLab.exchange(client, "10.0.0.11", 80, "GET\r\n\r\n", 5);
        assertThat(x.error).isEqualTo(TcpError.ECONNRESET);
        assertThat(segments()).extracting(TcpTest::flags).endsWith("R.");
    }

    /** Ephemeral ports: even, in 32768..60999, moving on by 2; the start comes from the world's seed. */
    @Test
    void ephemeralPortsAreSeeded() throws Exception {
        TcpLab.answer(server, 80, "x\n");
        TcpLab.exchange(client, "10.0.0.11", 80, "a\r\n\r\n", 1);
        TcpLab.exchange(client, "10.0.0.11", 80, "a\r\n\r\n", 1);
        List<Integer> ports = segments().stream().filter(s -> s.has(TcpSegment.SYN) && !s.has(TcpSegment.ACK))
                .map(TcpSegment::sourcePort).collect(Collectors.toList());
        assertThat(ports).hasSize(2);
        assertThat(ports.get(0) % 2).isZero();
        assertThat(ports.get(0)).isBetween(32768, 60999);
        assertThat(ports.get(1)).isEqualTo(ports.get(0) + 2);
        TcpTest again = new TcpTest();
        TcpLab.answer(again.server, 80, "x\n");
        TcpLab.exchange(again.client, "10.0.0.11", 80, "a\r\n\r\n", 1);
        assertThat(again.segments().get(0).sourcePort()).isEqualTo(ports.get(0));
    }
}
