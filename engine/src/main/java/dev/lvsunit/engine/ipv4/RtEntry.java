package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * A {@code struct rtentry} ({@code include/uapi/linux/route.h}) as user space
 * hands it to {@code SIOCADDRT} and {@code SIOCDELRT}; net-tools' {@code route}
 * fills it in {@code INET_setroute}.
 *
 * @param dst {@code rt_dst}
 * @param gateway {@code rt_gateway}; {@link Ipv4Address#ANY} when none was given
 * @param genmask {@code rt_genmask}; {@link Ipv4Address#ANY} when none was given
 * @param flags {@code rt_flags}: {@link #RTF_UP}, {@link #RTF_GATEWAY}, {@link #RTF_HOST}, {@link #RTF_REJECT}
 * @param metric {@code rt_metric}: the metric given plus one, or 0 when none was
 * @param dev {@code rt_dev}: a device name, optionally with {@code :ALIAS}, or {@code null}
 */
public record RtEntry(Ipv4Address dst, Ipv4Address gateway, Ipv4Address genmask, int flags, int metric,
                      String dev) {

    /** {@code RTF_UP}: the route is usable. */
    public static final int RTF_UP = 0x0001;
    /** {@code RTF_GATEWAY}: the destination is reached through {@code rt_gateway}. */
    public static final int RTF_GATEWAY = 0x0002;
    /** {@code RTF_HOST}: a host route; {@code rt_genmask} is not looked at. */
    public static final int RTF_HOST = 0x0004;
    /** {@code RTF_REJECT}: an {@code unreachable} route. */
    public static final int RTF_REJECT = 0x0200;

    public RtEntry {
        Objects.requireNonNull(dst, "dst");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(genmask, "genmask");
    }
}
