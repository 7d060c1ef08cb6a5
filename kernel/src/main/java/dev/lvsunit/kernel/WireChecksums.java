package dev.lvsunit.kernel;

/**
 * Puts the TCP and UDP checksums a NIC would have computed into frames
 * captured between veths.
 *
 * <p>Why: a veth hands the sender's socket buffer to its peer with
 * {@code CHECKSUM_PARTIAL} (checksum offload: the field holds only the
 * pseudo-header sum, the "hardware" is expected to finish it), and nothing on
 * the way through the bridge ever finishes it, so {@code tcpdump -v} on the
 * bridge prints {@code cksum 0x1431 (incorrect -> 0xd20c)} for every
 * locally-sent TCP segment. On a cable between physical NICs the checksum is
 * complete, and that is what a spec's {@code @tcpdump} shows. ICMP and IPv4
 * header checksums are always computed in software and need nothing.
 */
final class WireChecksums {

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETH_HEADER = 14;
    private static final int PROTO_TCP = 6;
    private static final int PROTO_UDP = 17;

    private WireChecksums() {
    }

    /**
     * Completes the transport checksum of an untagged Ethernet IPv4 TCP or UDP
     * frame in place; other frames, fragments and truncated captures are left
     * alone. A UDP checksum of 0 means "none" and is kept.
     */
    static void complete(byte[] frame) {
        if (frame.length < ETH_HEADER + 20 || u16(frame, 12) != ETHERTYPE_IPV4) {
            return;
        }
        int ip = ETH_HEADER;
        if ((frame[ip] & 0xf0) != 0x40) {
            return;
        }
        int ihl = (frame[ip] & 0x0f) * 4;
        int totalLength = u16(frame, ip + 2);
        int fragment = u16(frame, ip + 6) & 0x3fff; // MF flag and fragment offset
        int protocol = frame[ip + 9] & 0xff;
        if (ihl < 20 || fragment != 0 || totalLength < ihl || ip + totalLength > frame.length) {
            return;
        }
        int transport = ip + ihl;
        int length = totalLength - ihl;
        int field;
        if (protocol == PROTO_TCP && length >= 20) {
            field = transport + 16;
        } else if (protocol == PROTO_UDP && length >= 8) {
            field = transport + 6;
            if (u16(frame, field) == 0) {
                return;
            }
        } else {
            return;
        }
        frame[field] = 0;
        frame[field + 1] = 0;
        // RFC 793 / 768 pseudo-header: source, destination, zero, protocol, length
        long sum = 0;
        sum += u16(frame, ip + 12) + u16(frame, ip + 14) + u16(frame, ip + 16) + u16(frame, ip + 18);
        sum += protocol + length;
        for (int i = 0; i < length; i += 2) {
            int hi = frame[transport + i] & 0xff;
            int lo = i + 1 < length ? frame[transport + i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int checksum = (int) (~sum & 0xffff);
        if (checksum == 0 && protocol == PROTO_UDP) {
            checksum = 0xffff;
        }
        frame[field] = (byte) (checksum >> 8);
        frame[field + 1] = (byte) checksum;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}
