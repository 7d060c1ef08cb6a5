package dev.lvsunit.engine.tcp;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * Test applications on top of the engine's TCP: a one-shot server that
 * answers each request with a fixed text and closes, and a client that sends a
 * request and collects what comes back.
 */
public final class TcpLab {

    private TcpLab() {
    }

    /** Listens on {@code port}; on the first data of each connection, answers {@code reply} and closes. */
    public static TcpListener answer(Host host, int port, String reply) {
        try {
            return host.tcp().listen(port, socket -> new TcpHandler() {
                @Override
                public void received(TcpSocket s, String data) {
                    s.send(reply);
                    s.close();
                }

                @Override
                public void finReceived(TcpSocket s) {
                    s.close();
                }
            });
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    /** What a client saw. */
    public static final class Exchange implements TcpHandler {
        public final StringBuilder received = new StringBuilder();
        public final List<String> events = new ArrayList<>();
        public TcpError error;
        public boolean connected;
        public boolean finished;
        public long finishedAt = -1;
        final String request;
        final Host host;

        Exchange(Host host, String request) {
            this.host = host;
            this.request = request;
        }

        @Override
        public void connected(TcpSocket s) {
            connected = true;
            events.add("connected");
            s.send(request);
        }

        @Override
        public void received(TcpSocket s, String data) {
            received.append(data);
        }

        @Override
        public void finReceived(TcpSocket s) {
            events.add("fin");
            s.close();
            finished = true;
            finishedAt = host.world().now();
        }

        @Override
        public void failed(TcpSocket s, TcpError e) {
            error = e;
            events.add(e.name());
            finished = true;
            finishedAt = host.world().now();
        }
    }

    /** Connects, sends {@code request}, runs the world until the exchange ends or {@code seconds} pass. */
    public static Exchange exchange(Host client, String dst, int port, String request, double seconds) {
        Exchange x = new Exchange(client, request);
        try {
            client.tcp().connect(Ipv4Address.parse(dst), port, x);
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
        long deadline = client.world().now() + (long) (seconds * Durations.NANOS_PER_SECOND);
        while (!x.finished && client.world().now() < deadline) {
            long next = Math.min(client.world().events().nextEventTime(), deadline);
            client.world().runUntil(next);
        }
        // let the closing segments settle
        client.world().runFor(Durations.millis(50));
        return x;
    }
}
