package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Timer;

/**
 * An entry of the connection table ({@code struct ip_vs_conn}): a client
 * connection bound to a real server, or a persistence template.
 */
public final class IpvsConn {

    /** {@code IPPROTO_IP}: the protocol of fwmark persistence templates. */
    public static final int PROTO_IP = 0;

    final int protocol;
    final Ipv4Address caddr;
    int cport;
    final Ipv4Address vaddr;
    int vport;
    final Ipv4Address daddr;
    int dport;
    final boolean template;
    final ForwardMethod forward;
    final RealServer dest;
    boolean inactive;
    boolean noOutput;
    boolean onePacket;
    /** TCP state; for templates only NONE (0) or ASSURED. */
    IpvsTcpState tcpState = IpvsTcpState.NONE;
    /** {@link ConnTable} links: the next entry of the hash chain, and the neighbours in creation order. */
    IpvsConn hashNext;
    IpvsConn older;
    IpvsConn newer;
    boolean assured;
    long timeout;
    long expires;
    /** A world timer of its own, for a timer due at once; otherwise null. */
    Timer timer;
    /** {@link ConnTimers}: the bucket of the instant the timer is due, and the neighbours in it. */
    ConnTimers.Bucket bucket;
    IpvsConn timerPrev;
    IpvsConn timerNext;
    IpvsConn control;
    int nControl;
    boolean unlinked;

    IpvsConn(int protocol, Ipv4Address caddr, int cport, Ipv4Address vaddr, int vport, Ipv4Address daddr,
             int dport, boolean template, RealServer dest) {
        this.protocol = protocol;
        this.caddr = caddr;
        this.cport = cport;
        this.vaddr = vaddr;
        this.vport = vport;
        this.daddr = daddr;
        this.dport = dport;
        this.template = template;
        this.dest = dest;
        this.forward = dest.forward;
    }

    /** 6 TCP, 17 UDP, 0 for fwmark templates. */
    public int protocol() {
        return protocol;
    }

    public Ipv4Address clientAddress() {
        return caddr;
    }

    public int clientPort() {
        return cport;
    }

    public Ipv4Address virtualAddress() {
        return vaddr;
    }

    public int virtualPort() {
        return vport;
    }

    public Ipv4Address destinationAddress() {
        return daddr;
    }

    public int destinationPort() {
        return dport;
    }

    public boolean template() {
        return template;
    }

    public ForwardMethod forward() {
        return forward;
    }

    /** The real server the connection is bound to. */
    public RealServer dest() {
        return dest;
    }

    /** The absolute virtual time at which the entry's timer fires. */
    public long expires() {
        return expires;
    }

    /**
     * The state name {@code /proc/net/ip_vs_conn} prints ({@code ip_vs_state_name}):
     * TCP states by name, {@code UDP} for UDP, {@code NONE}/{@code ASSURED} for templates.
     */
    public String stateName() {
        if (template) {
            return assured ? "ASSURED" : "NONE";
        }
        if (protocol == IpvsProtocol.UDP.number()) {
            return "UDP";
        }
        return tcpState.name();
    }

    /** The TCP state of a TCP connection. */
    public IpvsTcpState tcpState() {
        return tcpState;
    }

    @Override
    public String toString() {
        return caddr + ":" + cport + " -> " + vaddr + ":" + vport + " -> " + daddr + ":" + dport + " " + stateName();
    }
}
