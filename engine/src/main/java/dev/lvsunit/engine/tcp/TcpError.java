package dev.lvsunit.engine.tcp;

/** Why a connection failed, as the errno {@code connect()} or {@code recv()} reports it. */
public enum TcpError {
    /** A RST answered the SYN, or an ICMP port unreachable came back ({@code icmp_err_convert}). */
    ECONNREFUSED,
    /** A RST arrived on a synchronized connection. */
    ECONNRESET,
    /** The SYN was retransmitted {@code tcp_syn_retries} (6) times without answer: 127 s. */
    ETIMEDOUT,
    /** An ICMP host unreachable came back (for example, ARP for the next hop failed). */
    EHOSTUNREACH,
    /** An ICMP net unreachable came back, or there is no route. */
    ENETUNREACH
}
