package dev.lvsunit.dsl;

import dev.lvsunit.dsl.capture.Frames;
import dev.lvsunit.engine.link.Segment;
import java.util.List;
import java.util.Objects;

/**
 * An Ethernet broadcast domain of a {@link Lab}: one learning switch, as the
 * spec format's {@code @lan} makes it.
 */
public final class Lan {

    private final Lab lab;
    private final Segment segment;
    private final List<Nic> members;

    Lan(Lab lab, Segment segment, List<Nic> members) {
        this.lab = Objects.requireNonNull(lab);
        this.segment = Objects.requireNonNull(segment);
        this.members = List.copyOf(members);
    }

    public String name() {
        return segment.name();
    }

    /** The engine's segment. */
    public Segment engine() {
        return segment;
    }

    /** The interfaces it joins, in the order they joined. */
    public List<Nic> members() {
        return members;
    }

    /** Every frame seen on this segment so far. */
    public Frames frames() {
        return lab.capture().all().onLan(name());
    }

    /**
     * {@code @tcpdump NAME ARGS...}: the frames seen since the previous
     * {@code tcpdump} of this segment, in {@code tcpdump -n} format; see {@link Lab#tcpdump}.
     */
    public CommandResult tcpdump(String... arguments) {
        return lab.tcpdump(this, arguments);
    }

    @Override
    public String toString() {
        return name();
    }
}
