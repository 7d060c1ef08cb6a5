package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Completed checksums verify: the one's-complement sum of pseudo-header and
 * segment, checksum included, is 0xffff (RFC 1071), the test a receiver and
 * tcpdump apply.
 */
class WireChecksumsTest {

    /** Ethernet + IPv4 (10.0.0.1 -> 10.0.0.2) + a transport header and payload. */
    private static byte[] frame(int protocol, byte[] transport) {
        byte[] f = new byte[14 + 20 + transport.length];
        f[12] = 0x08;
        f[13] = 0x00;
        f[14] = 0x45;
        int total = 20 + transport.length;
        f[16] = (byte) (total >> 8);
        f[17] = (byte) total;
        f[22] = 64;
        f[23] = (byte) protocol;
        f[26] = 10; f[29] = 1;
        f[30] = 10; f[33] = 2;
        System.arraycopy(transport, 0, f, 34, transport.length);
        return f;
    }

    private static int verify(byte[] f) {
        int length = f.length - 34;
        long sum = ((f[26] & 0xff) << 8 | (f[27] & 0xff)) + ((f[28] & 0xff) << 8 | (f[29] & 0xff))
                + ((f[30] & 0xff) << 8 | (f[31] & 0xff)) + ((f[32] & 0xff) << 8 | (f[33] & 0xff))
                + (f[23] & 0xff) + length;
        for (int i = 0; i < length; i += 2) {
            sum += (f[34 + i] & 0xff) << 8 | (i + 1 < length ? f[35 + i] & 0xff : 0);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) sum;
    }

    @Test
    void aTcpSegmentWithAPartialChecksumIsCompleted() {
        byte[] tcp = new byte[25]; // odd length: the last byte is padded
        tcp[0] = (byte) 0xa0; tcp[3] = 80; tcp[12] = 0x50; tcp[13] = 0x18;
        tcp[16] = 0x14; tcp[17] = 0x31; // what CHECKSUM_PARTIAL leaves: the pseudo-header sum
        tcp[24] = 'x';
        byte[] f = frame(6, tcp);
        assertThat(verify(f)).isNotEqualTo(0xffff);
        WireChecksums.complete(f);
        assertThat(verify(f)).isEqualTo(0xffff);
    }

    @Test
    void udpWithoutChecksumAndOtherFramesAreLeftAlone() {
        byte[] udp = new byte[12];
        udp[5] = 12;
        byte[] none = frame(17, udp);
        byte[] copy = none.clone();
        WireChecksums.complete(none);
        assertThat(none).isEqualTo(copy);

        byte[] icmp = frame(1, new byte[] {8, 0, 1, 2, 0, 0, 0, 1});
        byte[] icmpCopy = icmp.clone();
        WireChecksums.complete(icmp);
        assertThat(icmp).isEqualTo(icmpCopy);

        udp[6] = 0x12;
        byte[] withChecksum = frame(17, udp);
        WireChecksums.complete(withChecksum);
        assertThat(verify(withChecksum)).isEqualTo(0xffff);
    }
}
