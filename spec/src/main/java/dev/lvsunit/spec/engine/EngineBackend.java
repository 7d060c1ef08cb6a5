package dev.lvsunit.spec.engine;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.Session;

/**
 * Runs specs on the simulated kernel: each session is a fresh
 * {@link dev.lvsunit.engine.World} with its own virtual clock.
 */
public final class EngineBackend implements Backend {

    /**
     * How long the world runs on between two commands, in virtual
     * nanoseconds: 50 ms, the moment a person takes to type. Frames in flight
     * (one hop takes 20 µs) arrive and are answered; kernel timers that fall due
     * later (ARP retransmits every second, neighbour aging) wait for later
     * commands or for {@code sleep}.
     */
    public static final long COMMAND_GAP_NANOS = 50_000_000L;

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public Session open() {
        return new EngineSession();
    }
}
