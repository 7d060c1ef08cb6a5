package dev.lvsunit.engine;

/**
 * A system call or netlink request failed with an {@link Errno}, and in some
 * cases an extended-ack message (the {@code Error: ipv4: ...} text that
 * iproute2 prints).
 */
public final class KernelException extends Exception {

    private final Errno errno;
    private final String extack;

    public KernelException(Errno errno) {
        this(errno, null);
    }

    /**
     * Without a stack trace: this is a system call's error return, thrown on
     * ordinary paths (every host that sees an ARP broadcast for someone else
     * fails {@code ip_route_input} with it), where filling in a trace costs
     * more than the rest of the frame's handling.
     */
    public KernelException(Errno errno, String extack) {
        super(extack == null ? errno.name() : errno.name() + ": " + extack, null, false, false);
        this.errno = errno;
        this.extack = extack;
    }

    public Errno errno() {
        return errno;
    }

    /** The netlink extended-ack message, such as {@code ipv4: Address already assigned.}, or {@code null}. */
    public String extack() {
        return extack;
    }
}
