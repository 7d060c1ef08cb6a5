package dev.lvsunit.engine;

/**
 * The error numbers the simulated kernel returns to user space. The tools map
 * each to the text the real tool prints for it.
 */
public enum Errno {
    EPERM,
    ENOENT,
    ESRCH,
    EACCES,
    EEXIST,
    ENODEV,
    EINVAL,
    ENETDOWN,
    ENETUNREACH,
    EHOSTUNREACH,
    EADDRNOTAVAIL,
    EADDRINUSE,
    ECONNREFUSED,
    ETIMEDOUT,
    ENOBUFS,
    EOPNOTSUPP
}
