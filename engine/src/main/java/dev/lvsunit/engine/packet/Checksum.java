package dev.lvsunit.engine.packet;

/** The Internet checksum (RFC 1071), as {@code ip_fast_csum} computes it. */
final class Checksum {

    private Checksum() {
    }

    static int of(byte[] b, int offset, int length) {
        long sum = 0;
        int i = offset;
        int end = offset + length;
        while (i + 1 < end) {
            sum += ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
            i += 2;
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }
}
