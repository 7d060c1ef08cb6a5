package dev.lvsunit.tools.iputils;

import dev.lvsunit.tools.spi.CommandContext;
import java.util.List;

/** The usage texts iputils 20221126 prints on standard error before exiting 2. */
final class Usage {

    private static final List<String> PING = List.of(
            "",
            "Usage",
            "  ping [options] <destination>",
            "",
            "Options:",
            "  <destination>      dns name or ip address",
            "  -a                 use audible ping",
            "  -A                 use adaptive ping",
            "  -B                 sticky source address",
            "  -c <count>         stop after <count> replies",
            "  -C                 call connect() syscall on socket creation",
            "  -D                 print timestamps",
            "  -d                 use SO_DEBUG socket option",
            "  -e <identifier>    define identifier for ping session, default is random for",
            "                     SOCK_RAW and kernel defined for SOCK_DGRAM",
            "                     Imply using SOCK_RAW (for IPv4 only for identifier 0)",
            "  -f                 flood ping",
            "  -h                 print help and exit",
            "  -I <interface>     either interface name or address",
            "  -i <interval>      seconds between sending each packet",
            "  -L                 suppress loopback of multicast packets",
            "  -l <preload>       send <preload> number of packages while waiting replies",
            "  -m <mark>          tag the packets going out",
            "  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>",
            "  -n                 no dns name resolution",
            "  -O                 report outstanding replies",
            "  -p <pattern>       contents of padding byte",
            "  -q                 quiet output",
            "  -Q <tclass>        use quality of service <tclass> bits",
            "  -s <size>          use <size> as number of data bytes to be sent",
            "  -S <size>          use <size> as SO_SNDBUF socket option value",
            "  -t <ttl>           define time to live",
            "  -U                 print user-to-user latency",
            "  -v                 verbose output",
            "  -V                 print version and exit",
            "  -w <deadline>      reply wait <deadline> in seconds",
            "  -W <timeout>       time to wait for response",
            "",
            "IPv4 options:",
            "  -4                 use IPv4",
            "  -b                 allow pinging broadcast",
            "  -R                 record route",
            "  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>",
            "",
            "IPv6 options:",
            "  -6                 use IPv6",
            "  -F <flowlabel>     define flow label, default is random",
            "  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument",
            "",
            "For more details see ping(8).");

    private static final List<String> ARPING = List.of(
            "",
            "Usage:",
            "  arping [options] <destination>",
            "",
            "Options:",
            "  -f            quit on first reply",
            "  -q            be quiet",
            "  -b            keep on broadcasting, do not unicast",
            "  -D            duplicate address detection mode",
            "  -U            unsolicited ARP mode, update your neighbours",
            "  -A            ARP answer mode, update your neighbours",
            "  -V            print version and exit",
            "  -c <count>    how many packets to send",
            "  -w <timeout>  how long to wait for a reply",
            "  -i <interval> set interval between packets (default: 1 second)",
            "  -I <device>   which ethernet device to use",
            "  -s <source>   source ip address",
            "  <destination> dns name or ip address",
            "",
            "For more details see arping(8).");

    private Usage() {
    }

    static void ping(CommandContext ctx) {
        PING.forEach(ctx.err()::println);
    }

    static void arping(CommandContext ctx) {
        ARPING.forEach(ctx.err()::println);
    }
}
