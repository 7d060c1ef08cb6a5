package dev.lvsunit.engine.packet;

/**
 * The TCP options Linux puts in a segment ({@code tcp_options_write}), in the
 * order it writes them and tcpdump prints them.
 *
 * <p>On a SYN or SYN-ACK Linux sends {@code mss 1460,sackOK,TS val V ecr E,nop,wscale W}
 * (20 bytes); on later segments of a connection that negotiated timestamps
 * {@code nop,nop,TS val V ecr E} (12 bytes). {@link #NONE} is a segment without
 * options, such as a RST.
 *
 * @param mss the maximum segment size, or 0 when absent
 * @param sackPermitted whether {@code sackOK} is present
 * @param timestamps whether the timestamp option is present
 * @param tsVal the timestamp value (unsigned 32 bits)
 * @param tsEcr the timestamp echo reply (unsigned 32 bits)
 * @param windowScale the window scale shift, or -1 when absent
 */
public record TcpOptions(int mss, boolean sackPermitted, boolean timestamps, long tsVal, long tsEcr,
                         int windowScale) {

    /** No options. */
    public static final TcpOptions NONE = new TcpOptions(0, false, false, 0, 0, -1);

    /** The options of a SYN or SYN-ACK: {@code mss M,sackOK,TS val V ecr E,nop,wscale W}. */
    public static TcpOptions syn(int mss, long tsVal, long tsEcr, int windowScale) {
        return new TcpOptions(mss, true, true, tsVal, tsEcr, windowScale);
    }

    /** The options of a segment after the handshake: {@code nop,nop,TS val V ecr E}. */
    public static TcpOptions timestamp(long tsVal, long tsEcr) {
        return new TcpOptions(0, false, true, tsVal, tsEcr, -1);
    }

    /** Length in bytes, a multiple of 4. */
    public int length() {
        int n = 0;
        if (mss > 0) {
            n += 4;
        }
        if (sackPermitted || timestamps) {
            // SACK_PERM and TS share a 12-byte block; alone, each is padded with NOPs
            n += timestamps ? 12 : 4;
        }
        if (windowScale >= 0) {
            n += 4;
        }
        return n;
    }

    /** The options as written on the wire. */
    public byte[] toBytes() {
        byte[] b = new byte[length()];
        int i = 0;
        if (mss > 0) {
            b[i++] = 2;
            b[i++] = 4;
            b[i++] = (byte) (mss >> 8);
            b[i++] = (byte) mss;
        }
        if (timestamps) {
            if (sackPermitted) {
                b[i++] = 4;
                b[i++] = 2;
            } else {
                b[i++] = 1;
                b[i++] = 1;
            }
            b[i++] = 8;
            b[i++] = 10;
            for (int k = 0; k < 4; k++) {
                b[i++] = (byte) (tsVal >>> (24 - 8 * k));
            }
            for (int k = 0; k < 4; k++) {
                b[i++] = (byte) (tsEcr >>> (24 - 8 * k));
            }
        } else if (sackPermitted) {
            b[i++] = 1;
            b[i++] = 1;
            b[i++] = 4;
            b[i++] = 2;
        }
        if (windowScale >= 0) {
            b[i++] = 1;
            b[i++] = 3;
            b[i++] = 3;
            b[i++] = (byte) windowScale;
        }
        return b;
    }
}
