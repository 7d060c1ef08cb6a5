package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.tools.libc.Strerror;

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
        return new IpError("RTNETLINK answers: " + Strerror.of(errno), 2);
    }
}
