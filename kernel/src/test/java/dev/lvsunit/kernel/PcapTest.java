package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The savefile reader and writer behind {@code @tcpdump}; needs no root. */
class PcapTest {

    @TempDir
    Path dir;

    private static Pcap.Frame frame(long nanos, int length) {
        byte[] data = new byte[length];
        Arrays.fill(data, (byte) length);
        return new Pcap.Frame(nanos, data, length);
    }

    @Test
    void framesWrittenAreReadBackFromAnOffsetAndShiftedToTheVirtualClock() throws Exception {
        Pcap.Header header = Pcap.ethernetHeader();
        long zero = 1_700_000_000_123_456_000L;
        List<Pcap.Frame> frames = List.of(frame(zero + 1_000, 42), frame(zero + 2_500_000_000L, 98));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pcap.write(out, header, frames);
        Path file = dir.resolve("a.pcap");
        Files.write(file, out.toByteArray());

        Pcap.Header read = Pcap.readHeader(file);
        assertThat(read.linkType()).isEqualTo(Pcap.LINKTYPE_ETHERNET);
        assertThat(read.nanos()).isFalse();
        Pcap.Slice slice = Pcap.readFrom(file, read, Pcap.HEADER_LENGTH);
        assertThat(slice.frames()).hasSize(2);
        assertThat(slice.frames().get(1).data()).isEqualTo(frames.get(1).data());
        assertThat(slice.nextOffset()).isEqualTo(Files.size(file));
        assertThat(slice.frames().get(0).shifted(zero).timeNanos()).isEqualTo(1_000);
        assertThat(slice.frames().get(1).shifted(zero).timeNanos()).isEqualTo(2_500_000_000L);
        assertThat(frame(zero - 5, 1).shifted(zero).timeNanos()).as("never before zero").isZero();
    }

    @Test
    void aRecordStillBeingWrittenIsLeftForTheNextRead() throws Exception {
        Pcap.Header header = Pcap.ethernetHeader();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pcap.write(out, header, List.of(frame(1_000_000_000L, 60), frame(2_000_000_000L, 60)));
        byte[] whole = out.toByteArray();
        Path file = dir.resolve("b.pcap");
        Files.write(file, Arrays.copyOf(whole, whole.length - 10));

        Pcap.Slice first = Pcap.readFrom(file, header, Pcap.HEADER_LENGTH);
        assertThat(first.frames()).hasSize(1);
        Files.write(file, whole);
        Pcap.Slice second = Pcap.readFrom(file, header, first.nextOffset());
        assertThat(second.frames()).hasSize(1);
        assertThat(second.frames().get(0).timeNanos()).isEqualTo(2_000_000_000L);
        assertThat(Pcap.readFrom(file, header, second.nextOffset()).frames()).isEmpty();
    }

    @Test
    void anEmptyFileHasNoHeaderYet() throws Exception {
        Path file = dir.resolve("c.pcap");
        Files.write(file, new byte[0]);
        assertThat(Pcap.readHeader(file)).isNull();
    }
}
