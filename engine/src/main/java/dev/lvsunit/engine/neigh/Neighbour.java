package dev.lvsunit.engine.neigh;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sim.Timer;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One neighbour entry, {@code struct neighbour}: the MAC of {@code address}
 * as seen through {@code device}, and its NUD state. Entries are per
 * (address, interface). Read-only to everything but {@link NeighTable}.
 *
 * <p>Times ({@link #confirmed()}, {@link #used()}, {@link #updated()}) are
 * absolute virtual times in nanoseconds, as the kernel keeps jiffies;
 * {@code ip -s neigh} prints {@code now - t} in seconds. {@link #confirmed()}
 * may be negative: a new entry starts "confirmed" two
 * {@code base_reachable_time}s in the past.
 */
public final class Neighbour {

    /** {@code ATF_COM} of {@code include/uapi/linux/if_arp.h}: the entry has a MAC. */
    public static final int ATF_COM = 0x02;
    /** {@code ATF_PERM}: a permanent entry. */
    public static final int ATF_PERM = 0x04;

    private final Ipv4Address address;
    private final NetDevice device;
    NudState state = NudState.NUD_NONE;
    /** {@code neigh->ha}: kept when the entry becomes invalid, as the kernel keeps the bytes. */
    MacAddress ha;
    long confirmed;
    long used;
    long updated;
    int probes;
    /** {@code neigh->arp_queue}, oldest first, with its byte count ({@code arp_queue_len_bytes}). */
    final ArrayDeque<Ipv4Packet> arpQueue = new ArrayDeque<>();
    long arpQueueLenBytes;
    /** {@code neigh->timer} while pending. */
    Timer timer;
    /** {@code neigh->dead}: unlinked from the table. */
    boolean dead;
    /** Creation order, for the dump order. */
    final long serial;

    Neighbour(Ipv4Address address, NetDevice device, long serial) {
        this.address = address;
        this.device = device;
        this.serial = serial;
    }

    /** The entry's key ({@code primary_key}); 0.0.0.0 for the one entry on {@code lo}. */
    public Ipv4Address address() {
        return address;
    }

    public NetDevice device() {
        return device;
    }

    public NudState state() {
        return state;
    }

    /**
     * The cached MAC when the state is valid ({@code NUD_VALID}), which is
     * when {@code ip neigh} prints {@code lladdr}; {@code null} otherwise
     * (NONE, INCOMPLETE, FAILED).
     */
    public MacAddress lladdr() {
        return state.valid() ? ha : null;
    }

    /**
     * {@code neigh_ha_snapshot}: the MAC bytes the entry holds whatever its
     * state (a FAILED entry keeps its last MAC; zeros if it never had one).
     * {@code arp_solicit} sends unicast probes there.
     */
    public MacAddress haSnapshot() {
        return ha == null ? MacAddress.ZERO : ha;
    }

    /** {@code neigh->confirmed}: the last proof of reachability. */
    public long confirmed() {
        return confirmed;
    }

    /** {@code neigh->used}: the last transmission through the slow path. */
    public long used() {
        return used;
    }

    /** {@code neigh->updated}: the last change of state or MAC. */
    public long updated() {
        return updated;
    }

    /** {@code neigh->probes}: requests sent in the current resolution ({@code ip -s neigh}'s {@code probes N}). */
    public int probes() {
        return probes;
    }

    /**
     * {@code ndm_refcnt} as {@code neigh_fill_info} reports it (the reference
     * count minus one): 1 while a timer is pending (the timer holds a
     * reference, so INCOMPLETE, REACHABLE, DELAY and PROBE entries show
     * {@code ref 1} in {@code ip -s neigh}), else 0 (nothing printed).
     */
    public int refCount() {
        return timer != null && timer.pending() ? 1 : 0;
    }

    /**
     * The flags {@code /proc/net/arp} and {@code arp -n} show
     * ({@code arp_state_to_flags}): {@code ATF_PERM|ATF_COM} (0x6, "CM")
     * for PERMANENT, {@code ATF_COM} (0x2, "C") for other valid states, 0
     * otherwise (shown as {@code (incomplete)}). NOARP entries are not listed
     * there at all.
     */
    public int arpFlags() {
        if (state == NudState.NUD_PERMANENT) {
            return ATF_PERM | ATF_COM;
        }
        return state.valid() ? ATF_COM : 0;
    }

    /** The packets waiting for resolution, oldest first. */
    public List<Ipv4Packet> queuedPackets() {
        return List.copyOf(arpQueue);
    }

    /** When the entry's timer fires, or -1 when none is pending. */
    public long timerExpiry() {
        return timer != null && timer.pending() ? timer.at() : -1;
    }

    /** Whether the entry has been removed from its table. */
    public boolean isDead() {
        return dead;
    }

    @Override
    public String toString() {
        return address + " dev " + device.name() + (lladdr() != null ? " lladdr " + lladdr() : "") + " "
                + state.label();
    }
}
