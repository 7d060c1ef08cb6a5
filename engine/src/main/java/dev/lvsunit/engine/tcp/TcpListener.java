package dev.lvsunit.engine.tcp;

/**
 * A socket listening on a port on every local address ({@code INADDR_ANY}),
 * as a server started with {@code listen()} has.
 */
public final class TcpListener {

    private final Tcp tcp;
    private final int port;
    private final TcpAcceptor acceptor;

    TcpListener(Tcp tcp, int port, TcpAcceptor acceptor) {
        this.tcp = tcp;
        this.port = port;
        this.acceptor = acceptor;
    }

    public int port() {
        return port;
    }

    TcpAcceptor acceptor() {
        return acceptor;
    }

    /** Stops listening; connections already accepted go on. */
    public void close() {
        tcp.unlisten(this);
    }
}
