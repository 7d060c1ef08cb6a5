package dev.lvsunit.engine.ipvs;

/**
 * A request to the IPVS control interface failed ({@code ip_vs_ctl.c}); the
 * error is the errno the kernel returns, which ipvsadm maps to its text.
 */
public final class IpvsException extends Exception {

    /** The errno values the IPVS control code returns. */
    public enum Error {
        /** No such service ({@code ip_vs_ctl.c}, edit/delete/zero of a missing service; dest commands). */
        ESRCH,
        /** The service or destination exists. */
        EEXIST,
        /** Unknown scheduler / persistence engine, or no such destination. */
        ENOENT,
        /** Invalid request (for example a real server address that is not unicast). */
        EINVAL,
        /** Lower threshold above upper threshold ({@code ip_vs_add_dest}). */
        ERANGE
    }

    private final Error error;

    public IpvsException(Error error) {
        super(error.name());
        this.error = error;
    }

    public Error error() {
        return error;
    }
}
