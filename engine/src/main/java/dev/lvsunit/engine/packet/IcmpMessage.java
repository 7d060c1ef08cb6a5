package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;

/** An ICMP message: the kinds lvsunit models. */
public sealed interface IcmpMessage extends Ipv4Payload permits IcmpEcho, IcmpUnreachable {

    int PROTOCOL = 1;
    int TYPE_ECHO_REPLY = 0;
    int TYPE_DEST_UNREACH = 3;
    int TYPE_ECHO = 8;

    int type();

    int code();

    @Override
    default int protocol() {
        return PROTOCOL;
    }

    /** Type, code, checksum and the rest of the message, checksummed. */
    default byte[] withHeader(int restOfHeader, byte[] body) {
        byte[] b = new byte[8 + body.length];
        b[0] = (byte) type();
        b[1] = (byte) code();
        b[4] = (byte) (restOfHeader >>> 24);
        b[5] = (byte) (restOfHeader >>> 16);
        b[6] = (byte) (restOfHeader >>> 8);
        b[7] = (byte) restOfHeader;
        System.arraycopy(body, 0, b, 8, body.length);
        int sum = Checksum.of(b, 0, b.length);
        b[2] = (byte) (sum >> 8);
        b[3] = (byte) sum;
        return b;
    }

    @Override
    default byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        return toBytes();
    }

    byte[] toBytes();
}
