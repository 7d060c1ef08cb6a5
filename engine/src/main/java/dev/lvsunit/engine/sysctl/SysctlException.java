package dev.lvsunit.engine.sysctl;

/**
 * A read or write of {@code /proc/sys} failed as the kernel fails it; the
 * tools turn the {@link Errno} into the message the real tool prints.
 */
public final class SysctlException extends Exception {

    /** The errno the kernel returns. */
    public enum Errno {
        /** No such file: the key does not exist. */
        ENOENT,
        /** The value was not accepted by the entry's proc handler. */
        EINVAL,
        /** The entry is read-only. */
        EACCES
    }

    private final Errno errno;
    private final String path;

    public SysctlException(Errno errno, String path) {
        super(errno + ": " + path);
        this.errno = errno;
        this.path = path;
    }

    public Errno errno() {
        return errno;
    }

    /** The path under {@code /proc/sys}, slash-separated: {@code net/ipv4/ip_forward}. */
    public String path() {
        return path;
    }
}
