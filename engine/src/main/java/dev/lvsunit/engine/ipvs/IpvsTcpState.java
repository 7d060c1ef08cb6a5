package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.packet.TcpSegment;

/**
 * The TCP connection states IPVS tracks ({@code ip_vs_proto_tcp.c:
 * tcp_state_name_table}) and its transition tables ({@code tcp_states}).
 *
 * <p>A segment is classified by the first of RST, SYN, FIN, ACK it carries
 * ({@code tcp_state_idx}); a segment with none of them moves the connection to
 * CLOSE. Three tables: INPUT (client to server), OUTPUT (server to client, seen
 * only with NAT) and INPUT-ONLY (used while the connection has the NOOUTPUT
 * flag, as DR and TUN connections do):
 *
 * <pre>
 * INPUT       sNO sES sSS sSR sFW sTW sCL sCW sLA sLI sSA
 *   syn       SR  ES  ES  SR  SR  SR  SR  SR  SR  SR  SR
 *   fin       CL  CW  SS  TW  TW  TW  CL  CW  LA  LI  TW
 *   ack       CL  ES  SS  ES  FW  TW  CL  CW  CL  LI  ES
 *   rst       CL  CL  CL  SR  CL  CL  CL  CL  LA  LI  SR
 * OUTPUT
 *   syn       SS  ES  SS  SR  SS  SS  SS  SS  SS  LI  SR
 *   fin       TW  FW  SS  TW  FW  TW  CL  TW  LA  LI  TW
 *   ack       ES  ES  SS  ES  FW  TW  CL  CW  LA  ES  ES
 *   rst       CL  CL  SS  CL  CL  TW  CL  CL  CL  CL  CL
 * INPUT-ONLY
 *   syn       SR  ES  ES  SR  SR  SR  SR  SR  SR  SR  SR
 *   fin       CL  FW  SS  TW  FW  TW  CL  CW  LA  LI  TW
 *   ack       CL  ES  SS  ES  FW  TW  CL  CW  CL  LI  ES
 *   rst       CL  CL  CL  SR  CL  CL  CL  CL  LA  LI  CL
 * </pre>
 */
public enum IpvsTcpState {
    NONE(2),
    ESTABLISHED(900),
    SYN_SENT(120),
    SYN_RECV(60),
    FIN_WAIT(120),
    TIME_WAIT(120),
    CLOSE(10),
    CLOSE_WAIT(60),
    LAST_ACK(30),
    LISTEN(120),
    SYNACK(120);

    private final int defaultTimeout;

    IpvsTcpState(int defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /** {@code tcp_timeouts}: the default timeout of the state, in seconds. */
    public int defaultTimeout() {
        return defaultTimeout;
    }

    /** The direction a packet travels relative to the connection. */
    enum Direction {
        INPUT,
        OUTPUT,
        INPUT_ONLY
    }

    private static final IpvsTcpState NO = NONE;
    private static final IpvsTcpState ES = ESTABLISHED;
    private static final IpvsTcpState SS = SYN_SENT;
    private static final IpvsTcpState SR = SYN_RECV;
    private static final IpvsTcpState FW = FIN_WAIT;
    private static final IpvsTcpState TW = TIME_WAIT;
    private static final IpvsTcpState CL = CLOSE;
    private static final IpvsTcpState CW = CLOSE_WAIT;
    private static final IpvsTcpState LA = LAST_ACK;
    private static final IpvsTcpState LI = LISTEN;

    /** [direction][syn, fin, ack, rst][current state]. */
    private static final IpvsTcpState[][][] TABLE = {
        { // INPUT
            {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
            {CL, CW, SS, TW, TW, TW, CL, CW, LA, LI, TW},
            {CL, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
            {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, SR},
        },
        { // OUTPUT
            {SS, ES, SS, SR, SS, SS, SS, SS, SS, LI, SR},
            {TW, FW, SS, TW, FW, TW, CL, TW, LA, LI, TW},
            {ES, ES, SS, ES, FW, TW, CL, CW, LA, ES, ES},
            {CL, CL, SS, CL, CL, TW, CL, CL, CL, CL, CL},
        },
        { // INPUT-ONLY
            {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
            {CL, FW, SS, TW, FW, TW, CL, CW, LA, LI, TW},
            {CL, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
            {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL},
        },
    };

    /** {@code tcp_state_idx}: 0 syn, 1 fin, 2 ack, 3 rst, -1 none of them. */
    static int segmentIndex(TcpSegment s) {
        if (s.has(TcpSegment.RST)) {
            return 3;
        }
        if (s.has(TcpSegment.SYN)) {
            return 0;
        }
        if (s.has(TcpSegment.FIN)) {
            return 1;
        }
        if (s.has(TcpSegment.ACK)) {
            return 2;
        }
        return -1;
    }

    /** The state after {@code s} travels in {@code direction}; CLOSE for a segment without flags. */
    IpvsTcpState next(Direction direction, TcpSegment s) {
        int idx = segmentIndex(s);
        if (idx < 0) {
            return CLOSE;
        }
        return TABLE[direction.ordinal()][idx][ordinal()];
    }
}
