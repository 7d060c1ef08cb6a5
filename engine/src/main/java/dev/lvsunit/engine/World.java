package dev.lvsunit.engine;

import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.sim.EventQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A simulated network: hosts, Ethernet segments, one virtual clock.
 *
 * <p>A world is single-threaded and shares nothing with other worlds, so any
 * number of them can run in parallel. Time advances only when the caller runs
 * the world ({@link #runFor}, {@link #runUntil}); randomness comes from one
 * seeded source; hosts and segments are kept in creation order. The same
 * calls therefore always give the same frames at the same virtual times.
 */
public final class World {

    private final EventQueue events = new EventQueue();
    private final Random random;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();

    /** A world whose random source has seed 0. */
    public World() {
        this(0L);
    }

    /** A world whose random source (IPVS twos, ping ids, ...) has the given seed. */
    public World(long seed) {
        this.random = new Random(seed);
    }

    /** The current virtual time in nanoseconds since the world began. */
    public long now() {
        return events.now();
    }

    /** The clock and its pending events. */
    public EventQueue events() {
        return events;
    }

    /** The world's seeded random source. */
    public Random random() {
        return random;
    }

    /**
     * Creates a host with {@code lo} (up, 127.0.0.1/8) and nothing else.
     *
     * @throws IllegalArgumentException if a host of that name exists
     */
    public Host addHost(String name) {
        if (hosts.containsKey(name)) {
            throw new IllegalArgumentException("host " + name + " exists");
        }
        Host host = new Host(this, name, hosts.size() + 1);
        hosts.put(name, host);
        return host;
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** The hosts, in creation order. */
    public List<Host> hosts() {
        return Collections.unmodifiableList(new ArrayList<>(hosts.values()));
    }

    /**
     * Creates an Ethernet segment (one learning switch).
     *
     * @throws IllegalArgumentException if a segment of that name exists
     */
    public Segment addSegment(String name) {
        if (segments.containsKey(name)) {
            throw new IllegalArgumentException("segment " + name + " exists");
        }
        Segment s = new Segment(this, name);
        segments.put(name, s);
        return s;
    }

    public Optional<Segment> segment(String name) {
        return Optional.ofNullable(segments.get(name));
    }

    /** The segments, in creation order. */
    public List<Segment> segments() {
        return Collections.unmodifiableList(new ArrayList<>(segments.values()));
    }

    /** Runs every event due within the next {@code nanos} and advances the clock by that much. */
    public void runFor(long nanos) {
        events.runUntil(events.now() + nanos);
    }

    /** Runs every event due at or before {@code time} and sets the clock to it. */
    public void runUntil(long time) {
        events.runUntil(time);
    }
}
