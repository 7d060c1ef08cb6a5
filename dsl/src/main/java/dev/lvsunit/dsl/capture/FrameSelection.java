package dev.lvsunit.dsl.capture;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.MacAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Some frames of a {@link Capture}, in the order they were sent, with a
 * description of how they were chosen ({@code "ARP replies for 192.168.0.101"}),
 * which assertion messages quote. Immutable: every filter returns a new
 * selection.
 *
 * @param <S> the concrete selection type, so filters chain
 */
public abstract class FrameSelection<S extends FrameSelection<S>> implements Iterable<CapturedFrame> {

    private final List<CapturedFrame> frames;
    private final String description;

    protected FrameSelection(List<CapturedFrame> frames, String description) {
        this.frames = List.copyOf(frames);
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A selection of the same kind holding {@code frames}. */
    protected abstract S select(List<CapturedFrame> frames, String description);

    /** The frames, in the order they were sent. */
    public List<CapturedFrame> frames() {
        return frames;
    }

    /** How the frames were chosen, such as {@code ARP replies for 192.168.0.101}. */
    public String description() {
        return description;
    }

    public int size() {
        return frames.size();
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    @Override
    public Iterator<CapturedFrame> iterator() {
        return frames.iterator();
    }

    /**
     * The frames matching {@code filter}; {@code what} extends the description
     * ({@code "from 02:00:00:00:02:01"}).
     */
    public S matching(Predicate<CapturedFrame> filter, String what) {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : frames) {
            if (filter.test(f)) {
                out.add(f);
            }
        }
        return select(out, description + " " + what);
    }

    /** Frames whose Ethernet source is {@code mac}. */
    public S from(MacAddress mac) {
        return matching(f -> f.frame().source().equals(mac), "from " + mac);
    }

    /** Frames whose Ethernet destination is {@code mac}. */
    public S to(MacAddress mac) {
        return matching(f -> f.frame().destination().equals(mac), "to " + mac);
    }

    /** Frames sent by the interface {@code device}. */
    public S sentBy(NetDevice device) {
        return matching(f -> f.ingress() == device, "sent by " + device);
    }

    /** Frames seen on the segment named {@code segment}. */
    public S onLan(String segment) {
        return matching(f -> f.ingress().segment() != null && f.ingress().segment().name().equals(segment),
                "on " + segment);
    }

    /** Frames sent at or after {@code time} on the virtual clock. */
    public S since(Duration time) {
        long t = time.toNanos();
        return matching(f -> f.timeNanos() >= t, "since " + Capture.formatTime(t));
    }

    /** The distinct Ethernet source addresses, in order of first appearance. */
    public List<MacAddress> sourceMacs() {
        LinkedHashSet<MacAddress> macs = new LinkedHashSet<>();
        for (CapturedFrame f : frames) {
            macs.add(f.frame().source());
        }
        return List.copyOf(macs);
    }

    /** The description and the number of frames; assertions print the frames themselves. */
    @Override
    public String toString() {
        return description + " (" + frames.size() + (frames.size() == 1 ? " frame)" : " frames)");
    }
}
