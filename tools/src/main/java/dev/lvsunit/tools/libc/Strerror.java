package dev.lvsunit.tools.libc;

import dev.lvsunit.engine.Errno;

/**
 * glibc's {@code strerror(3)} for the errors the simulated kernel returns: the
 * text every tool prints after {@code SIOCADDRT: }, {@code RTNETLINK answers: },
 * {@code connect: } and the like.
 */
public final class Strerror {

    private Strerror() {
    }

    /** The message glibc has for {@code errno}, as {@code strerror} returns it in the C locale. */
    public static String of(Errno errno) {
        return switch (errno) {
            case EPERM -> "Operation not permitted";
            case ENOENT -> "No such file or directory";
            case ESRCH -> "No such process";
            case EACCES -> "Permission denied";
            case EEXIST -> "File exists";
            case ENODEV -> "No such device";
            case EINVAL -> "Invalid argument";
            case ENETDOWN -> "Network is down";
            case ENETUNREACH -> "Network is unreachable";
            case EHOSTUNREACH -> "No route to host";
            case EADDRNOTAVAIL -> "Cannot assign requested address";
            case EADDRINUSE -> "Address already in use";
            case ECONNREFUSED -> "Connection refused";
            case ETIMEDOUT -> "Connection timed out";
            case ENOBUFS -> "No buffer space available";
            case EOPNOTSUPP -> "Operation not supported";
        };
    }
}
