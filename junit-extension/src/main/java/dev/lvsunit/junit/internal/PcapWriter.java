package dev.lvsunit.junit.internal;

import dev.lvsunit.engine.link.CapturedFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes frames as a classic libpcap savefile, as {@code tcpdump -w} does:
 * the 24-byte global header (magic {@code a1b2c3d4}, version 2.4,
 * microsecond timestamps, snapshot length 262144, {@code LINKTYPE_ETHERNET}),
 * then per frame a 16-byte record header and the frame's bytes. Timestamps
 * are the virtual clock counted from the epoch, so {@code TZ=UTC tcpdump -r}
 * prints the same times as {@code @tcpdump}.
 */
public final class PcapWriter {

    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int SNAPLEN = 262144;
    private static final int LINKTYPE_ETHERNET = 1;

    private PcapWriter() {
    }

    /** Writes {@code frames} to {@code file}, replacing it. */
    public static void write(Path file, List<CapturedFrame> frames) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                    .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
            out.write(header.array());
            for (CapturedFrame f : frames) {
                byte[] data = f.frame().toBytes();
                long micros = f.timeNanos() / 1000;
                ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                record.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000))
                        .putInt(data.length).putInt(data.length);
                out.write(record.array());
                out.write(data);
            }
        }
    }
}
