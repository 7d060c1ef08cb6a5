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

    public KernelException(Errno errno, String extack) {
        super(extack == null ? errno.name() : errno.name() + ": " + extack);
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
