package dev.lvsunit.engine.packet;

/**
 * An ICMP echo request or reply.
 *
 * @param reply true for an echo reply (type 0), false for a request (type 8)
 * @param identifier the echo identifier (ping's socket id)
 * @param sequence the sequence number
 * @param dataLength the number of data bytes after the 8-byte header (56 for ping)
 */
public record IcmpEcho(boolean reply, int identifier, int sequence, int dataLength) implements IcmpMessage {

    @Override
    public int type() {
        return reply ? TYPE_ECHO_REPLY : TYPE_ECHO;
    }

    @Override
    public int code() {
        return 0;
    }

    @Override
    public int length() {
        return 8 + dataLength;
    }

    /** The reply to this request, as {@code icmp_echo} builds it. */
    public IcmpEcho toReply() {
        return new IcmpEcho(true, identifier, sequence, dataLength);
    }

    @Override
    public byte[] toBytes() {
        byte[] data = new byte[dataLength];
        // ping fills its data with 0x10, 0x11, ... after an 8-byte timestamp (iputils fill()).
        for (int i = 8; i < dataLength; i++) {
            data[i] = (byte) (i);
        }
        return withHeader(((identifier & 0xffff) << 16) | (sequence & 0xffff), data);
    }
}
