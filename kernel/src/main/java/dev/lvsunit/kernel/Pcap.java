package dev.lvsunit.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic libpcap savefile format, as tcpdump {@code -w} writes it: a
 * 24-byte global header, then records of a 16-byte header (seconds, micro- or
 * nanoseconds, captured length, original length) and the frame bytes. Either
 * byte order; the magic number tells it and the timestamp precision.
 */
final class Pcap {

    static final int HEADER_LENGTH = 24;
    static final int RECORD_HEADER_LENGTH = 16;

    /** LINKTYPE_ETHERNET. */
    static final int LINKTYPE_ETHERNET = 1;

    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;

    /** The global header of one file, kept verbatim to write slices of it. */
    record Header(byte[] bytes, ByteOrder order, boolean nanos, int linkType) {
        long ticksPerSecond() {
            return nanos ? 1_000_000_000L : 1_000_000L;
        }
    }

    /**
     * One captured frame.
     *
     * @param timeNanos the capture time, nanoseconds since the epoch
     * @param data the captured bytes
     * @param originalLength the frame's length on the wire
     */
    record Frame(long timeNanos, byte[] data, int originalLength) {
        Frame shifted(long byNanos) {
            return new Frame(Math.max(0, timeNanos - byNanos), data, originalLength);
        }
    }

    /** The complete records found in a file from some offset on, and where the next one starts. */
    record Slice(List<Frame> frames, long nextOffset) {
    }

    private Pcap() {
    }

    /**
     * The header tcpdump writes for an Ethernet capture on this machine
     * (little-endian, microseconds, snapshot length 262144), for a capture that
     * has not written its own yet: tcpdump {@code -U} flushes its header only
     * with the first frame.
     */
    static Header ethernetHeader() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(262144).putInt(LINKTYPE_ETHERNET);
        return new Header(b.array(), ByteOrder.LITTLE_ENDIAN, false, LINKTYPE_ETHERNET);
    }

    /** Parses a global header, or returns null if the bytes are not one. */
    static Header header(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            return null;
        }
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            ByteBuffer b = ByteBuffer.wrap(bytes, 0, HEADER_LENGTH).order(order);
            int magic = b.getInt(0);
            if (magic == MAGIC_MICROS || magic == MAGIC_NANOS) {
                return new Header(java.util.Arrays.copyOf(bytes, HEADER_LENGTH), order,
                        magic == MAGIC_NANOS, b.getInt(20));
            }
        }
        return null;
    }

    /** Reads the global header of a file, or null while the file is shorter than one. */
    static Header readHeader(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) < HEADER_LENGTH) {
            return null;
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[HEADER_LENGTH];
            f.readFully(bytes);
            Header header = header(bytes);
            if (header == null) {
                throw new IOException("not a pcap file: " + file);
            }
            return header;
        }
    }

    /**
     * Reads the complete records of a file that another process may still be
     * writing, from {@code offset} on. A record cut short by a write in
     * progress is left for the next call.
     */
    static Slice readFrom(Path file, Header header, long offset) throws IOException {
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long available = f.length() - offset;
            if (available <= 0) {
                return new Slice(List.of(), offset);
            }
            bytes = new byte[Math.toIntExact(available)];
            f.seek(offset);
            f.readFully(bytes);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(header.order());
        List<Frame> frames = new ArrayList<>();
        int position = 0;
        while (bytes.length - position >= RECORD_HEADER_LENGTH) {
            long seconds = Integer.toUnsignedLong(b.getInt(position));
            long fraction = Integer.toUnsignedLong(b.getInt(position + 4));
            int captured = b.getInt(position + 8);
            int original = b.getInt(position + 12);
            if (captured < 0 || bytes.length - position - RECORD_HEADER_LENGTH < captured) {
                break;
            }
            byte[] data = new byte[captured];
            System.arraycopy(bytes, position + RECORD_HEADER_LENGTH, data, 0, captured);
            long nanos = seconds * 1_000_000_000L + fraction * (header.nanos() ? 1 : 1000);
            frames.add(new Frame(nanos, data, original));
            position += RECORD_HEADER_LENGTH + captured;
        }
        return new Slice(frames, offset + position);
    }

    /** Writes a savefile with the given header and frames. */
    static void write(OutputStream out, Header header, List<Frame> frames) throws IOException {
        out.write(header.bytes());
        ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER_LENGTH).order(header.order());
        for (Frame frame : frames) {
            long seconds = frame.timeNanos() / 1_000_000_000L;
            long nanos = frame.timeNanos() % 1_000_000_000L;
            record.clear();
            record.putInt((int) seconds);
            record.putInt((int) (header.nanos() ? nanos : nanos / 1000));
            record.putInt(frame.data().length);
            record.putInt(frame.originalLength());
            out.write(record.array());
            out.write(frame.data());
        }
    }
}
