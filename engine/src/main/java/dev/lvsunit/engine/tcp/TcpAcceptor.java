package dev.lvsunit.engine.tcp;

/** A listening application: {@code accept()} gave it a new connection. */
@FunctionalInterface
public interface TcpAcceptor {

    /**
     * Called when a connection completes its handshake on a listening port.
     *
     * @return the handler for the new connection's events
     */
    TcpHandler accept(TcpSocket socket);
}
