package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A TCP segment ({@code struct tcphdr}, its options and data).
 *
 * @param sourcePort source port
 * @param destinationPort destination port
 * @param sequence sequence number (unsigned 32 bits)
 * @param acknowledgment acknowledgment number (unsigned 32 bits)
 * @param flags the flag bits ({@link #SYN}, {@link #ACK}, ...)
 * @param window the window field as sent (already scaled down by the sender's window scale)
 * @param data the payload, one char per byte (ISO-8859-1)
 * @param options the options; {@link TcpOptions#NONE} for none
 */
public record TcpSegment(int sourcePort, int destinationPort, long sequence, long acknowledgment,
                         int flags, int window, String data, TcpOptions options) implements Ipv4Payload {

    public static final int PROTOCOL = 6;
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int PSH = 0x08;
    public static final int ACK = 0x10;

    public TcpSegment {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
    }

    /** A segment without options. */
    public TcpSegment(int sourcePort, int destinationPort, long sequence, long acknowledgment,
                      int flags, int window, String data) {
        this(sourcePort, destinationPort, sequence, acknowledgment, flags, window, data, TcpOptions.NONE);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The same segment with other ports, as IPVS NAT rewrites it. */
    public TcpSegment withPorts(int newSource, int newDestination) {
        return new TcpSegment(newSource, newDestination, sequence, acknowledgment, flags, window, data, options);
    }

    /** Header length in bytes: 20 plus the options ({@code doff * 4}). */
    public int headerLength() {
        return 20 + options.length();
    }

    /** Sequence space the segment occupies: its data, plus one for SYN and one for FIN. */
    public int sequenceLength() {
        return data.length() + (has(SYN) ? 1 : 0) + (has(FIN) ? 1 : 0);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return headerLength() + data.length();
    }

    @Override
    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        byte[] body = data.getBytes(StandardCharsets.ISO_8859_1);
        byte[] opts = options.toBytes();
        int hlen = 20 + opts.length;
        byte[] b = new byte[hlen + body.length];
        b[0] = (byte) (sourcePort >> 8);
        b[1] = (byte) sourcePort;
        b[2] = (byte) (destinationPort >> 8);
        b[3] = (byte) destinationPort;
        for (int i = 0; i < 4; i++) {
            b[4 + i] = (byte) (sequence >>> (24 - 8 * i));
            b[8 + i] = (byte) (acknowledgment >>> (24 - 8 * i));
        }
        b[12] = (byte) ((hlen / 4) << 4);
        b[13] = (byte) flags;
        b[14] = (byte) (window >> 8);
        b[15] = (byte) window;
        System.arraycopy(opts, 0, b, 20, opts.length);
        System.arraycopy(body, 0, b, hlen, body.length);
        byte[] pseudo = new byte[12 + b.length];
        System.arraycopy(source.toBytes(), 0, pseudo, 0, 4);
        System.arraycopy(destination.toBytes(), 0, pseudo, 4, 4);
        pseudo[9] = PROTOCOL;
        pseudo[10] = (byte) (b.length >> 8);
        pseudo[11] = (byte) b.length;
        System.arraycopy(b, 0, pseudo, 12, b.length);
        int sum = Checksum.of(pseudo, 0, pseudo.length);
        b[16] = (byte) (sum >> 8);
        b[17] = (byte) sum;
        return b;
    }
}
