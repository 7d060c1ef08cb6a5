package dev.lvsunit.engine.tcp;

/** The states of a TCP socket ({@code include/net/tcp_states.h}). */
public enum TcpState {
    CLOSED,
    LISTEN,
    SYN_SENT,
    SYN_RECV,
    ESTABLISHED,
    FIN_WAIT1,
    FIN_WAIT2,
    CLOSING,
    TIME_WAIT,
    CLOSE_WAIT,
    LAST_ACK
}
