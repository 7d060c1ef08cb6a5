package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.KernelException;

/**
 * How iproute2 reports a refused netlink request ({@code rtnl_talk} with
 * {@code nl_dump_ext_ack}): the kernel's extended ack as
 * {@code Error: TEXT.}, or without one {@code RTNETLINK answers: strerror};
 * ip then exits 2.
 */
final class Rtnl {

    private Rtnl() {
    }

    /** The error of a request whose kernel handler sets extended acks. */
    static IpError error(KernelException e) {
        String ack = e.extack();
        if (ack != null && !ack.isEmpty()) {
            return new IpError("Error: " + ack + (ack.endsWith(".") ? "" : "."), 2);
        }
        return answers(e.errno());
    }

    /** {@code RTNETLINK answers: ...}, for handlers that only return an errno. */
    static IpError answers(Errno errno) {
        return new IpError("RTNETLINK answers: " + strerror(errno), 2);
    }

    /** glibc's {@code strerror}. */
    static String strerror(Errno errno) {
        switch (errno) {
            case EPERM:
                return "Operation not permitted";
            case ENOENT:
                return "No such file or directory";
            case ESRCH:
                return "No such process";
            case EACCES:
                return "Permission denied";
            case EEXIST:
                return "File exists";
            case ENODEV:
                return "No such device";
            case EINVAL:
                return "Invalid argument";
            case ENETDOWN:
                return "Network is down";
            case ENETUNREACH:
                return "Network is unreachable";
            case EHOSTUNREACH:
                return "No route to host";
            case EADDRNOTAVAIL:
                return "Cannot assign requested address";
            case EADDRINUSE:
                return "Address already in use";
            case ECONNREFUSED:
                return "Connection refused";
            case ETIMEDOUT:
                return "Connection timed out";
            case ENOBUFS:
                return "No buffer space available";
            case EOPNOTSUPP:
                return "Operation not supported";
            default:
                return errno.name();
        }
    }
}
