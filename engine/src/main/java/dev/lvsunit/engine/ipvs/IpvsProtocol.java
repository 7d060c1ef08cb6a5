package dev.lvsunit.engine.ipvs;

/** The transport protocols a virtual service can balance ({@code ip_vs_proto_tcp.c}, {@code ip_vs_proto_udp.c}). */
public enum IpvsProtocol {
    TCP(6),
    UDP(17);

    private final int number;

    IpvsProtocol(int number) {
        this.number = number;
    }

    /** The IP protocol number. */
    public int number() {
        return number;
    }
}
