package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.Errno;

/** {@code strerror(3)} of glibc for the errors the kernel returns to net-tools. */
final class Strerror {

    private Strerror() {
    }

    static String of(Errno errno) {
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
                throw new IllegalArgumentException(errno.name());
        }
    }
}
