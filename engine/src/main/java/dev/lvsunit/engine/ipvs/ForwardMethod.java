package dev.lvsunit.engine.ipvs;

/**
 * How a real server is reached ({@code IP_VS_CONN_F_FWD_MASK} values of
 * {@code include/uapi/linux/ip_vs.h}).
 */
public enum ForwardMethod {
    /** {@code IP_VS_CONN_F_MASQ}, {@code -m}: NAT ({@code ip_vs_nat_xmit}). */
    MASQ,
    /** {@code IP_VS_CONN_F_LOCALNODE}: delivered on the director itself. */
    LOCALNODE,
    /** {@code IP_VS_CONN_F_TUNNEL}, {@code -i}: IP-in-IP ({@code ip_vs_tunnel_xmit}). */
    TUNNEL,
    /** {@code IP_VS_CONN_F_DROUTE}, {@code -g}: direct routing ({@code ip_vs_dr_xmit}). */
    DROUTE
}
