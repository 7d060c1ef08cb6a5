package dev.lvsunit.engine.tcp;

/**
 * The application side of a connection: what a process blocked in
 * {@code connect}, {@code recv} or {@code poll} learns. Each callback runs as
 * its own event on the virtual clock, right after the kernel processed the
 * segment (the process's wake-up), so an application that answers at once
 * makes its answer carry the pending ACK, as on Linux.
 */
public interface TcpHandler {

    /** The three-way handshake completed ({@code connect} returned 0). */
    default void connected(TcpSocket socket) {
    }

    /** In-order data arrived. */
    default void received(TcpSocket socket, String data) {
    }

    /** The peer's FIN arrived: {@code recv} returns 0 from now on. */
    default void finReceived(TcpSocket socket) {
    }

    /** The connection failed or was reset; the socket is closed. */
    default void failed(TcpSocket socket, TcpError error) {
    }
}
