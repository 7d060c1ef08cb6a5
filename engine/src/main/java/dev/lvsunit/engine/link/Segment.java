package dev.lvsunit.engine.link;

import dev.lvsunit.engine.World;
import dev.lvsunit.engine.util.LongMap;
import dev.lvsunit.engine.packet.EthernetFrame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An Ethernet broadcast domain: one learning switch joining interfaces.
 *
 * <p>Behaves as a Linux bridge does ({@code net/bridge/br_forward.c}): a frame to
 * a learned MAC goes to that port only; broadcast, multicast and unknown unicast
 * are flooded to every other port. The bridge keeps its ports newest first
 * ({@code br_add_if} adds at the head of {@code port_list}), so a flood reaches
 * the last-joined interface first; the engine keeps that order, which fixes the
 * order of replies from several hosts answering one broadcast.
 * Every frame is recorded, in order, for {@code @tcpdump}.
 */
public final class Segment {

    /** One-way delay across the switch, from transmit to receive. */
    public static final long PROPAGATION_DELAY_NANOS = 20_000;
    /** Delay of a frame sent to the loopback device. */
    public static final long LOOPBACK_DELAY_NANOS = 5_000;

    private final World world;
    private final String name;
    private final List<NetDevice> ports = new ArrayList<>();
    /** The forwarding database, by MAC ({@code br_fdb_find}). */
    private final LongMap<NetDevice> fdb = new LongMap<>();
    private final List<CapturedFrame> capture = new ArrayList<>();
    private final List<Consumer<CapturedFrame>> listeners = new ArrayList<>();
    private boolean capturing = true;

    public Segment(World world, String name) {
        this.world = Objects.requireNonNull(world);
        this.name = Objects.requireNonNull(name);
    }

    public String name() {
        return name;
    }

    /** The interfaces on this segment, in the order they joined. */
    public List<NetDevice> ports() {
        return Collections.unmodifiableList(ports);
    }

    /**
     * Plugs an interface in.
     *
     * @throws IllegalStateException if the interface is already on a segment
     */
    public void attach(NetDevice device) {
        if (device.segment() != null) {
            throw new IllegalStateException(device + " is already on segment " + device.segment().name());
        }
        if (device.isLoopback()) {
            throw new IllegalStateException(device + " is a loopback device");
        }
        ports.add(device);
        device.attach(this);
    }

    /** Every frame seen on this segment so far (while {@link #capturing()}), in order. */
    public List<CapturedFrame> capture() {
        return Collections.unmodifiableList(capture);
    }

    /** Whether frames are being recorded for {@link #capture()}; on when the segment is made. */
    public boolean capturing() {
        return capturing;
    }

    /**
     * Starts or stops recording frames for {@link #capture()}; listeners are
     * called either way. The record keeps every frame, so a long run that
     * never reads it (a benchmark, a million-connection soak) turns it off
     * rather than hold gigabytes.
     */
    public void setCapturing(boolean on) {
        capturing = on;
    }

    /** Calls {@code listener} for every frame seen from now on. */
    public void addListener(Consumer<CapturedFrame> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** {@code br_handle_frame}: learn the source, then forward or flood. */
    void forward(NetDevice ingress, EthernetFrame frame) {
        if (capturing || !listeners.isEmpty()) {
            CapturedFrame seen = new CapturedFrame(world.now(), ingress, frame);
            if (capturing) {
                capture.add(seen);
            }
            for (Consumer<CapturedFrame> l : listeners) {
                l.accept(seen);
            }
        }
        if (!frame.source().isMulticast() && fdb.get(frame.source().bits()) != ingress) {
            fdb.put(frame.source().bits(), ingress); // br_fdb_update: learn, or move to the new port
        }
        NetDevice known = frame.destination().isMulticast() ? null : fdb.get(frame.destination().bits());
        if (known != null) {
            if (known != ingress) {
                deliver(known, frame);
            }
            return;
        }
        // One event for the whole flood: the copies arrive at the same instant in
        // port order with nothing between them, exactly as one event per port would
        // run, but a broadcast on a large segment costs one queue operation, not one per port.
        NetDevice[] targets = new NetDevice[ports.size()];
        int n = 0;
        for (int i = ports.size() - 1; i >= 0; i--) {
            NetDevice port = ports.get(i);
            if (port != ingress) {
                targets[n++] = port;
            }
        }
        if (n == 0) {
            return;
        }
        int count = n;
        world.events().schedule(PROPAGATION_DELAY_NANOS, () -> {
            for (int i = 0; i < count; i++) {
                targets[i].receive(frame);
            }
        });
    }

    private void deliver(NetDevice port, EthernetFrame frame) {
        world.events().schedule(PROPAGATION_DELAY_NANOS, () -> port.receive(frame));
    }

    @Override
    public String toString() {
        return name;
    }
}
