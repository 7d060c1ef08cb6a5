package dev.lvsunit.engine.neigh;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.sim.Timer;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.engine.sysctl.NeighParm;
import dev.lvsunit.engine.sysctl.NeighParms;
import dev.lvsunit.engine.sysctl.SysctlException;
import dev.lvsunit.engine.util.LongMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A host's ARP neighbour table, {@code arp_tbl} with the state machine of
 * {@code net/core/neighbour.c}.
 *
 * <h2>States and transitions</h2>
 * Timer = {@code neigh_timer_handler}, TX = {@link #output} ({@code neigh_resolve_output}
 * → {@code __neigh_event_send}), RX = {@link #update} ({@code __neigh_update}).
 * <table>
 * <caption>NUD transitions</caption>
 * <tr><th>#</th><th>from</th><th>event</th><th>to</th><th>side effects</th></tr>
 * <tr><td>T1</td><td>NONE, FAILED</td><td>TX</td><td>INCOMPLETE</td><td>probes = ucast_solicit; packet queued;
 *     first broadcast request at once; timer now + retrans_time. (mcast_solicit + app_solicit = 0: FAILED, packet dropped)</td></tr>
 * <tr><td>T2</td><td>INCOMPLETE</td><td>TX</td><td>INCOMPLETE</td><td>queued (unres_qlen_bytes, oldest dropped)</td></tr>
 * <tr><td>T3</td><td>INCOMPLETE</td><td>timer, probes &lt; max</td><td>INCOMPLETE</td><td>next broadcast request, timer + retrans_time</td></tr>
 * <tr><td>T4</td><td>INCOMPLETE</td><td>timer, probes ≥ max (6)</td><td>FAILED</td><td>queued packets: ICMP host unreachable
 *     ({@code neigh_invalidate} → {@code arp_error_report})</td></tr>
 * <tr><td>T5</td><td>any but PERMANENT/NOARP</td><td>unicast reply</td><td>REACHABLE</td><td>confirmed = now,
 *     timer now + reachable_time, queue sent</td></tr>
 * <tr><td>T6</td><td>INCOMPLETE</td><td>broadcast reply, request, GARP</td><td>STALE</td><td>MAC set, queue sent
 *     (which makes the entry DELAY at once)</td></tr>
 * <tr><td>T7</td><td>REACHABLE</td><td>timer, now ≤ confirmed + reachable_time</td><td>REACHABLE</td><td>re-armed</td></tr>
 * <tr><td>T8</td><td>REACHABLE</td><td>timer, now ≤ used + delay_first_probe_time</td><td>DELAY</td><td>timer now + delay_first_probe_time</td></tr>
 * <tr><td>T9</td><td>REACHABLE</td><td>timer, otherwise</td><td>STALE</td><td>no timer</td></tr>
 * <tr><td>T10</td><td>STALE</td><td>TX</td><td>DELAY</td><td>sent with the cached MAC; timer now + delay_first_probe_time</td></tr>
 * <tr><td>T11</td><td>DELAY</td><td>timer, now ≤ confirmed + delay_first_probe_time</td><td>REACHABLE</td><td>timer confirmed + reachable_time</td></tr>
 * <tr><td>T12</td><td>DELAY</td><td>timer, otherwise</td><td>PROBE</td><td>probes = 0; first unicast probe at once; timer now + retrans_time</td></tr>
 * <tr><td>T13</td><td>PROBE</td><td>timer, probes &lt; max (3)</td><td>PROBE</td><td>unicast probe to the cached MAC</td></tr>
 * <tr><td>T14</td><td>PROBE</td><td>timer, probes ≥ max</td><td>FAILED</td><td>as T4</td></tr>
 * <tr><td>T15</td><td>any valid</td><td>request for us ({@link #eventNs})</td><td>STALE or unchanged</td><td>same MAC: state kept</td></tr>
 * <tr><td>T16</td><td>any</td><td>{@link #replace} / {@link #add}</td><td>as asked</td><td>ADMIN|OVERRIDE update</td></tr>
 * <tr><td>T17</td><td>any but PERMANENT</td><td>carrier lost ({@link #carrierDown}), arp_evict_nocarrier</td><td>removed</td><td></td></tr>
 * <tr><td>T18</td><td>any</td><td>interface down or MAC change ({@link #ifDown})</td><td>removed</td><td>PERMANENT too</td></tr>
 * </table>
 *
 * <h2>Determinism</h2>
 * {@code reachable_time} is drawn by the kernel uniformly in [base/2, 3·base/2)
 * per interface ({@code neigh_rand_reach_time}); here it is exactly the
 * interface's {@code base_reachable_time}, read when used.
 *
 * <h2>Garbage collection</h2>
 * The periodic work ({@code neigh_periodic_work}) does nothing while the table
 * holds fewer than {@code gc_thresh1} (128) entries, so STALE and FAILED entries
 * live for ever in small tables: that is what users of small LVS setups see, and
 * it is what this table does. The work runs here only while the table holds at
 * least {@code gc_thresh1} entries (the kernel runs it every
 * {@code base_reachable_time/2} regardless, to no effect below the threshold), and
 * then removes FAILED entries and entries unused for {@code gc_stale_time}. The
 * kernel's table is shared by all namespaces; here each host has its own count.
 * Forced GC and "neighbor table overflow" (512 / 1024 entries) are not modelled.
 */
public final class NeighTable {

    /** {@code HZ/100}: the shortest timer the state machine arms. */
    static final long MIN_TIMER_NANOS = 10 * Durations.NANOS_PER_MILLI;
    /** {@code SKB_DATA_ALIGN(sizeof(struct sk_buff)) + SKB_DATA_ALIGN(sizeof(struct skb_shared_info))} on x86_64. */
    static final int SKB_OVERHEAD = 576;

    /** A request queued for a delayed proxy reply ({@code pneigh_enqueue}). */
    private record ProxyRedo(NetDevice dev, Timer timer) {
    }

    private final Host host;
    /**
     * The entries by device (ifindex) and address, for the lookups on every
     * packet: keys in a long array, no key object to follow. Listings order
     * them by creation (the entry's {@code serial}).
     */
    private final LongMap<Neighbour> entries = new LongMap<>();
    private final List<ProxyNeighbour> proxies = new ArrayList<>();
    private final List<ProxyRedo> proxyQueue = new ArrayList<>();
    private final Map<NetDevice, Integer> proxyQlen = new HashMap<>();
    private long nextSerial;
    private Timer gcTimer;

    public NeighTable(Host host) {
        this.host = host;
    }

    private long now() {
        return host.world().now();
    }

    // ---- lookup and creation

    /**
     * Every entry (including NOARP ones), in the order {@code ip neigh show}
     * dumps them: newest first.
     *
     * <p>The kernel dumps its hash table bucket by bucket; the bucket is a
     * hash of the address and the device pointer salted with a random number
     * drawn at boot ({@code arp_hashfn}, {@code neigh_hash_alloc}), so the real
     * order of a few entries differs from boot to boot and from interface to
     * interface, and does not follow insertion (on 6.18, adding 10.0.0.11..14
     * in either order dumped .12 .14 .13 .11 on one interface and .13 .12 .14
     * .11 on another). Inside one bucket new entries go first
     * ({@code hlist_add_head_rcu}); a deterministic simulator can only pick an
     * order, and newest-first is what a single bucket gives.
     */
    public List<Neighbour> entries() {
        List<Neighbour> out = oldestFirst();
        Collections.reverse(out);
        return out;
    }

    /** Every entry, in the order they were created. */
    private List<Neighbour> oldestFirst() {
        List<Neighbour> out = entries.values();
        out.sort(Comparator.comparingLong(n -> n.serial));
        return out;
    }

    /** {@code neigh_lookup}: the entry for {@code address} on {@code dev}, if any. */
    public Optional<Neighbour> lookup(Ipv4Address address, NetDevice dev) {
        return Optional.ofNullable(find(address, dev));
    }

    /**
     * {@code __neigh_lookup(..., creat=1)} with {@code arp_constructor}. On
     * {@code lo} every address maps to the one key 0.0.0.0
     * ({@code __ipv4_neigh_lookup_noref}, {@code arp_constructor}).
     */
    public Neighbour lookupOrCreate(Ipv4Address address, NetDevice dev) {
        Ipv4Address key = dev.isLoopback() ? Ipv4Address.ANY : address;
        Neighbour n = find(key, dev);
        return n != null ? n : create(key, dev);
    }

    private Neighbour find(Ipv4Address address, NetDevice dev) {
        return entries.get(indexKey(address, dev));
    }

    private static long indexKey(Ipv4Address address, NetDevice dev) {
        return (long) dev.ifindex() << 32 | Integer.toUnsignedLong(address.bits());
    }

    /**
     * {@code ___neigh_create}: a new entry, {@code confirmed} two base
     * reachable times in the past, {@code used = updated = now}, set up by
     * {@code arp_constructor}.
     */
    private Neighbour create(Ipv4Address key, NetDevice dev) {
        long now = now();
        Neighbour n = new Neighbour(key, dev, nextSerial++);
        n.used = now;
        n.updated = now;
        n.confirmed = now - 2 * parms(n).nanos(NeighParm.BASE_REACHABLE_TIME);
        arpConstructor(n);
        entries.put(indexKey(key, dev), n);
        maybeStartGc();
        return n;
    }

    /**
     * {@code arp_constructor}: multicast targets get NOARP with the mapped
     * group MAC; entries on NOARP devices ({@code lo}) get NOARP with the
     * device's own MAC; broadcast targets NOARP with ff:ff:ff:ff:ff:ff;
     * everything else starts in NONE.
     */
    private void arpConstructor(Neighbour n) {
        NetDevice dev = n.device();
        RouteType type = host.fib().addressType(n.address());
        if (type == RouteType.MULTICAST) {
            n.state = NudState.NUD_NOARP;
            n.ha = ipEthMcMap(n.address());
        } else if (dev.isNoArp() || dev.isLoopback()) {
            n.state = NudState.NUD_NOARP;
            n.ha = dev.mac();
        } else if (type == RouteType.BROADCAST) {
            n.state = NudState.NUD_NOARP;
            n.ha = MacAddress.BROADCAST;
        }
    }

    /** {@code ip_eth_mc_map}: 01:00:5e followed by the low 23 bits of the group. */
    static MacAddress ipEthMcMap(Ipv4Address group) {
        return new MacAddress(0x01005e000000L | (group.bits() & 0x7fffffL));
    }

    // ---- the transmit path

    /**
     * {@code neigh_output} / {@code neigh_resolve_output}: send a datagram
     * through the entry: at once when its state is valid (STALE moves to
     * DELAY), else queue it and start or continue resolution
     * ({@code __neigh_event_send}).
     *
     * <p>Connected entries (REACHABLE, PERMANENT, NOARP) take the fast path
     * ({@code neigh_hh_output} / {@code neigh_connected_output}), which does
     * not touch {@code used}; every other state goes through
     * {@code neigh_event_send}, which sets {@code used = now}. This is why a
     * steady ping still lets a REACHABLE entry fall to STALE (T9) rather than
     * DELAY (T8) [6.18: ping -i 0.2 with base_reachable_time_ms 2000 cycles
     * REACHABLE, STALE, DELAY, REACHABLE via a unicast probe].
     */
    public void output(Neighbour n, Ipv4Packet packet) {
        if (n.state.connected()) {
            transmit(n, packet);
            return;
        }
        n.used = now(); // neigh_event_send_probe
        if (!eventSend(n, packet)) {
            transmit(n, packet);
        }
    }

    private void transmit(Neighbour n, Ipv4Packet packet) {
        host.ip().transmit(n.device(), n.haSnapshot(), packet);
    }

    /**
     * {@code __neigh_event_send}: start resolution (T1), queue (T2) or move
     * STALE to DELAY (T10).
     *
     * @return true when the packet was queued or dropped, false when it may be sent now
     */
    private boolean eventSend(Neighbour n, Ipv4Packet skb) {
        NudState s = n.state;
        if (s.connected() || s == NudState.NUD_DELAY || s == NudState.NUD_PROBE) {
            return false;
        }
        if (n.dead) {
            // out_dead: a STALE dead entry may still be used, anything else drops
            return s != NudState.NUD_STALE;
        }
        boolean immediateProbe = false;
        NeighParms p = parms(n);
        long now = now();
        if (s != NudState.NUD_STALE && s != NudState.NUD_INCOMPLETE) {
            if (p.get(NeighParm.MCAST_PROBES) + p.get(NeighParm.APP_PROBES) != 0) {
                n.probes = p.get(NeighParm.UCAST_PROBES);
                delTimer(n);
                n.state = NudState.NUD_INCOMPLETE;
                n.updated = now;
                immediateProbe = true;
                addTimer(n, now + Math.max(p.nanos(NeighParm.RETRANS_TIME), MIN_TIMER_NANOS));
            } else {
                n.state = NudState.NUD_FAILED;
                n.updated = now;
                return true; // kfree_skb: dropped without an error report
            }
        } else if (s == NudState.NUD_STALE) {
            delTimer(n);
            n.state = NudState.NUD_DELAY;
            n.updated = now;
            addTimer(n, now + p.nanos(NeighParm.DELAY_PROBE_TIME));
        }
        boolean consumed = false;
        if (n.state == NudState.NUD_INCOMPLETE) {
            if (skb != null) {
                long truesize = truesize(skb);
                long limit = p.get(NeighParm.QUEUE_LEN_BYTES);
                while (n.arpQueueLenBytes + truesize > limit && !n.arpQueue.isEmpty()) {
                    Ipv4Packet dropped = n.arpQueue.pollFirst(); // the oldest goes (NEIGH_QUEUEFULL)
                    n.arpQueueLenBytes -= truesize(dropped);
                }
                n.arpQueue.addLast(skb);
                n.arpQueueLenBytes += truesize;
            }
            consumed = true;
        }
        if (immediateProbe) {
            probe(n);
        }
        return consumed;
    }

    /**
     * {@code skb->truesize} of a queued datagram, modelled as
     * {@code SKB_TRUESIZE(ETH_HLEN + length)}: the frame plus the sk_buff and
     * shared-info overhead (2090 for a full 1514-byte frame, the figure
     * {@code unres_qlen} is derived with). Real skbs round their data area up to
     * a kmalloc size, so small packets count a little more on a real kernel.
     */
    static long truesize(Ipv4Packet packet) {
        return EthernetFrame.HEADER_LENGTH + packet.length() + SKB_OVERHEAD;
    }

    /** {@code neigh_probe}: solicit with the newest queued packet, then count the probe. */
    private void probe(Neighbour n) {
        Ipv4Packet newest = n.arpQueue.peekLast();
        host.arp().solicit(n, newest);
        n.probes++;
    }

    /** {@code neigh_max_probes}: ucast + app + (PROBE ? mcast_resolicit : mcast_solicit). */
    private int maxProbes(Neighbour n) {
        NeighParms p = parms(n);
        return p.get(NeighParm.UCAST_PROBES) + p.get(NeighParm.APP_PROBES)
                + (n.state == NudState.NUD_PROBE ? p.get(NeighParm.MCAST_REPROBES) : p.get(NeighParm.MCAST_PROBES));
    }

    // ---- timers

    /**
     * {@code neigh_add_timer}: arm the timer, and keep {@code used} no older
     * than {@code confirmed}.
     */
    private void addTimer(Neighbour n, long when) {
        if (n.used < n.confirmed) {
            n.used = n.confirmed;
        }
        modTimer(n, when);
    }

    /** {@code mod_timer}. */
    private void modTimer(Neighbour n, long when) {
        if (n.timer != null) {
            n.timer.cancel();
        }
        n.timer = host.world().events().scheduleAt(when, () -> timerHandler(n));
    }

    /** {@code neigh_del_timer}. */
    private void delTimer(Neighbour n) {
        if (n.timer != null) {
            n.timer.cancel();
            n.timer = null;
        }
    }

    /** {@code neigh_timer_handler}: T3, T4, T7, T8, T9, T11, T12, T13, T14. */
    private void timerHandler(Neighbour n) {
        n.timer = null;
        NudState state = n.state;
        if (!state.inTimer() || n.dead) {
            return;
        }
        long now = now();
        long next = now + Durations.NANOS_PER_SECOND;
        NeighParms p = parms(n);
        long retrans = Math.max(p.nanos(NeighParm.RETRANS_TIME), MIN_TIMER_NANOS);
        long delay = p.nanos(NeighParm.DELAY_PROBE_TIME);
        if (state == NudState.NUD_REACHABLE) {
            if (now <= n.confirmed + reachableTime(n)) {
                next = n.confirmed + reachableTime(n); // T7
            } else if (now <= n.used + delay) {
                n.state = NudState.NUD_DELAY; // T8
                n.updated = now;
                next = now + delay;
            } else {
                n.state = NudState.NUD_STALE; // T9
                n.updated = now;
            }
        } else if (state == NudState.NUD_DELAY) {
            if (now <= n.confirmed + delay) {
                n.state = NudState.NUD_REACHABLE; // T11
                n.updated = now;
                next = n.confirmed + reachableTime(n);
            } else {
                n.state = NudState.NUD_PROBE; // T12
                n.updated = now;
                n.probes = 0;
                next = now + retrans;
            }
        } else {
            next = now + retrans; // INCOMPLETE, PROBE: T3, T13
        }
        if ((n.state == NudState.NUD_INCOMPLETE || n.state == NudState.NUD_PROBE) && n.probes >= maxProbes(n)) {
            n.state = NudState.NUD_FAILED; // T4, T14
            neighInvalidate(n);
            return;
        }
        if (n.state.inTimer()) {
            if (next < now + MIN_TIMER_NANOS) {
                next = now + MIN_TIMER_NANOS;
            }
            modTimer(n, next);
        }
        if (n.state == NudState.NUD_INCOMPLETE || n.state == NudState.NUD_PROBE) {
            probe(n);
        }
    }

    /**
     * {@code neigh_invalidate}: resolution failed; every queued packet gets
     * its error report ({@code arp_error_report} → ICMP host unreachable).
     */
    private void neighInvalidate(Neighbour n) {
        n.updated = now();
        while (n.state == NudState.NUD_FAILED && !n.arpQueue.isEmpty()) {
            Ipv4Packet skb = n.arpQueue.pollFirst();
            host.ip().hostUnreachable(skb);
        }
        n.arpQueue.clear();
        n.arpQueueLenBytes = 0;
    }

    // ---- updates

    /**
     * {@code neigh_update} ({@code __neigh_update}), for the protocol paths:
     * errors (an update refused on a PERMANENT entry, ...) are ignored, as
     * {@code arp_process} ignores them.
     */
    public void update(Neighbour n, MacAddress lladdr, NudState newState, Set<NeighUpdateFlag> flags) {
        try {
            neighUpdate(n, lladdr, newState, flags);
        } catch (KernelException e) {
            // arp_process does not look at the result
        }
    }

    /**
     * {@code __neigh_update}, the rules of the generic update routine:
     * <ol>
     * <li>non-ADMIN updates never touch NOARP or PERMANENT entries ({@code EPERM});</li>
     * <li>an invalid new state (FAILED, NONE, INCOMPLETE) stops the timer and is set as
     * is; leaving INCOMPLETE/PROBE for FAILED reports the queued packets;</li>
     * <li>without a MAC, an invalid entry cannot become valid ({@code EINVAL},
     * "No link layer address given");</li>
     * <li>a CONNECTED new state sets {@code confirmed = now};</li>
     * <li>a valid entry and a different MAC without OVERRIDE: the update is dropped;
     * the same MAC and STALE (non-admin): the state is kept;</li>
     * <li>{@code updated = now} only if the state or MAC changes;</li>
     * <li>a state change restarts the timer (REACHABLE: now + reachable_time; other
     * timer states: now, to be re-evaluated);</li>
     * <li>a MAC change copies it, and if the new state is not CONNECTED sets
     * {@code confirmed = now - 2·base_reachable_time};</li>
     * <li>invalid → valid sends the queued packets.</li>
     * </ol>
     */
    private void neighUpdate(Neighbour n, MacAddress lladdr, NudState newState, Set<NeighUpdateFlag> flags)
            throws KernelException {
        NudState old = n.state;
        boolean admin = flags.contains(NeighUpdateFlag.ADMIN);
        long now = now();
        if (n.dead) {
            throw new KernelException(Errno.EPERM, "Neighbor entry is now dead");
        }
        if (!admin && (old == NudState.NUD_NOARP || old == NudState.NUD_PERMANENT)) {
            throw new KernelException(Errno.EPERM);
        }
        NudState state = newState;
        if (!state.valid()) {
            delTimer(n);
            n.state = state;
            if ((old == NudState.NUD_INCOMPLETE || old == NudState.NUD_PROBE) && state == NudState.NUD_FAILED) {
                neighInvalidate(n);
            }
            return;
        }
        // "Compare new lladdr with cached one": sameAddress plays the kernel's lladdr == neigh->ha
        MacAddress addr = lladdr;
        boolean sameAddress;
        if (addr != null) {
            sameAddress = old.valid() && addr.equals(n.ha);
        } else {
            if (!old.valid()) {
                throw new KernelException(Errno.EINVAL, "No link layer address given");
            }
            addr = n.ha;
            sameAddress = true;
        }
        if (state.connected()) {
            n.confirmed = now;
        }
        if (old.valid()) {
            if (!sameAddress && !flags.contains(NeighUpdateFlag.OVERRIDE)) {
                if (flags.contains(NeighUpdateFlag.WEAK_OVERRIDE) && old.connected()) {
                    addr = n.ha;
                    sameAddress = true;
                    state = NudState.NUD_STALE;
                } else {
                    return;
                }
            } else if (sameAddress && state == NudState.NUD_STALE && !admin) {
                state = old;
            }
        }
        if (state != old || !sameAddress) {
            n.updated = now;
        }
        if (state != old) {
            delTimer(n);
            if (state == NudState.NUD_PROBE) {
                n.probes = 0;
            }
            if (state.inTimer()) {
                addTimer(n, now + (state == NudState.NUD_REACHABLE ? reachableTime(n) : 0));
            }
            n.state = state;
        }
        if (!sameAddress) {
            n.ha = addr;
            if (!state.connected()) {
                n.confirmed = now - 2 * parms(n).nanos(NeighParm.BASE_REACHABLE_TIME);
            }
        }
        if (state == old) {
            return;
        }
        if (!old.valid()) {
            processArpQueue(n);
        }
    }

    /**
     * {@code neigh_update_process_arp_queue}: the entry became valid; its
     * queued packets go out through its output function (a STALE entry thus
     * moves to DELAY with the first of them).
     */
    private void processArpQueue(Neighbour n) {
        while (n.state.valid() && !n.arpQueue.isEmpty()) {
            Ipv4Packet skb = n.arpQueue.pollFirst();
            n.arpQueueLenBytes -= truesize(skb);
            output(n, skb);
        }
        n.arpQueue.clear();
        n.arpQueueLenBytes = 0;
    }

    /**
     * {@code neigh_confirm}: upper-layer proof of forward progress (a TCP ACK
     * of new data, {@code MSG_CONFIRM}): {@code confirmed = now}, state
     * unchanged; the next timer run keeps or makes the entry REACHABLE (T7, T11).
     */
    public void confirm(Neighbour n) {
        n.confirmed = now();
    }

    /** {@code neigh_event_ns}: a request for us from {@code sip}: create or update as STALE with override. */
    public Optional<Neighbour> eventNs(MacAddress sha, Ipv4Address sip, NetDevice dev) {
        Neighbour n = lookupOrCreate(sip, dev);
        update(n, sha, NudState.NUD_STALE, EnumSet.of(NeighUpdateFlag.OVERRIDE));
        return Optional.of(n);
    }

    // ---- removal

    /** Unlinks an entry ({@code neigh_flush_one}, {@code neigh_remove_one}): timer stopped, queue dropped. */
    private void unlink(Neighbour n) {
        entries.remove(indexKey(n.address(), n.device()));
        delTimer(n);
        n.dead = true;
        n.arpQueue.clear();
        n.arpQueueLenBytes = 0;
    }

    /** {@code neigh_ifdown}: every entry of {@code dev} goes, PERMANENT included (T18), with its proxy entries. */
    public void ifDown(NetDevice dev) {
        flushDev(dev, false);
    }

    /**
     * {@code arp_netdev_event(NETDEV_CHANGE)} without carrier: with
     * {@code arp_evict_nocarrier} (AND of all and the interface, default on)
     * the interface's entries go except PERMANENT ones ({@code neigh_carrier_down}, T17).
     */
    public void carrierDown(NetDevice dev) {
        if (host.sysctl().effective(dev.inDevice(), DevConf.ARP_EVICT_NOCARRIER) != 0) {
            flushDev(dev, true);
        }
    }

    /** {@code __neigh_ifdown}: {@code neigh_flush_dev}, {@code pneigh_ifdown}, {@code pneigh_queue_purge}. */
    private void flushDev(NetDevice dev, boolean skipPerm) {
        for (Neighbour n : oldestFirst()) {
            if (n.device() == dev && !(skipPerm && n.state == NudState.NUD_PERMANENT)) {
                unlink(n);
            }
        }
        // pneigh_ifdown: entries of this device (device-less entries stay)
        proxies.removeIf(p -> p.device() == dev && !(skipPerm && p.permanent()));
        // the kernel purges the proxy queue of the whole namespace
        for (ProxyRedo r : proxyQueue) {
            r.timer().cancel();
        }
        proxyQueue.clear();
        proxyQlen.clear();
    }

    // ---- administration (ip neigh, arp)

    /**
     * {@code ip neigh add} ({@code neigh_add} with {@code NLM_F_CREATE|NLM_F_EXCL}):
     * a new entry, updated with ADMIN|OVERRIDE. iproute2 asks for PERMANENT when
     * no {@code nud} is given.
     *
     * @param lladdr the MAC, or {@code null} when none was given
     * @throws KernelException {@code EEXIST} if one exists; {@code EINVAL} with
     *     "No link layer address given" for a valid state without MAC (the entry is
     *     then left in NONE, as on Linux)
     */
    public Neighbour add(Ipv4Address address, NetDevice dev, MacAddress lladdr, NudState state) throws KernelException {
        if (lookup(address, dev).isPresent()) {
            throw new KernelException(Errno.EEXIST);
        }
        Neighbour n = lookupOrCreate(address, dev);
        neighUpdate(n, lladdr, state, EnumSet.of(NeighUpdateFlag.ADMIN, NeighUpdateFlag.OVERRIDE));
        return n;
    }

    /**
     * {@code ip neigh replace} ({@code NLM_F_CREATE|NLM_F_REPLACE}): creates the
     * entry if needed, then an ADMIN|OVERRIDE update (T16). Also what
     * {@code arp -s} does ({@code arp_req_set}).
     *
     * @throws KernelException {@code EINVAL} "No link layer address given"
     */
    public Neighbour replace(Ipv4Address address, NetDevice dev, MacAddress lladdr, NudState state) throws KernelException {
        Neighbour n = lookup(address, dev).orElseGet(() -> lookupOrCreate(address, dev));
        neighUpdate(n, lladdr, state, EnumSet.of(NeighUpdateFlag.ADMIN, NeighUpdateFlag.OVERRIDE));
        return n;
    }

    /**
     * {@code ip neigh change} ({@code NLM_F_REPLACE} without create): as
     * {@link #replace}, for an existing entry only.
     *
     * @throws KernelException {@code ENOENT} if there is none
     */
    public Neighbour change(Ipv4Address address, NetDevice dev, MacAddress lladdr, NudState state) throws KernelException {
        Neighbour n = lookup(address, dev).orElseThrow(() -> new KernelException(Errno.ENOENT));
        neighUpdate(n, lladdr, state, EnumSet.of(NeighUpdateFlag.ADMIN, NeighUpdateFlag.OVERRIDE));
        return n;
    }

    /**
     * {@code ip neigh del} ({@code neigh_delete}): an ADMIN update to FAILED
     * (which reports packets still queued), then the entry is removed.
     *
     * @throws KernelException {@code ENOENT} if there is none
     */
    public void delete(Ipv4Address address, NetDevice dev) throws KernelException {
        Neighbour n = lookup(address, dev).orElseThrow(() -> new KernelException(Errno.ENOENT));
        neighDelete(n);
    }

    private void neighDelete(Neighbour n) {
        update(n, null, NudState.NUD_FAILED, EnumSet.of(NeighUpdateFlag.OVERRIDE, NeighUpdateFlag.ADMIN));
        unlink(n);
    }

    /**
     * {@code ip neigh flush}: iproute2 dumps the table and deletes each entry
     * its filter selects ({@code neigh_delete} per entry). The filter is the
     * tool's: by default it spares PERMANENT and NOARP entries.
     *
     * @return the deleted entries, in dump order
     */
    public List<Neighbour> flush(Predicate<Neighbour> filter) {
        List<Neighbour> gone = new ArrayList<>();
        for (Neighbour n : entries()) {
            if (!n.dead && filter.test(n)) {
                neighDelete(n);
                gone.add(n);
            }
        }
        return gone;
    }

    /**
     * {@code arp_invalidate(dev, ip, force)}: {@code arp -d} (force) and the
     * kernel's own invalidations. Without force a valid entry is kept.
     *
     * @return whether an entry existed ({@code arp -d} of a missing entry fails
     *     with {@code ENXIO}, "No ARP entry for ...")
     */
    public boolean invalidate(Ipv4Address address, NetDevice dev, boolean force) {
        Optional<Neighbour> found = lookup(address, dev);
        if (found.isEmpty()) {
            return false;
        }
        Neighbour n = found.get();
        if (n.state.valid() && !force) {
            return true;
        }
        if (n.state != NudState.NUD_NOARP && n.state != NudState.NUD_NONE) { // nud_state & ~NUD_NOARP
            update(n, null, NudState.NUD_FAILED, EnumSet.of(NeighUpdateFlag.OVERRIDE, NeighUpdateFlag.ADMIN));
        }
        unlink(n);
        return true;
    }

    // ---- proxy entries (pneigh)

    /** {@code pneigh_create}: {@code ip neigh add proxy ADDR dev D}; an existing entry is updated. */
    public ProxyNeighbour addProxy(Ipv4Address address, NetDevice dev, boolean permanent) {
        proxies.removeIf(p -> p.address().equals(address) && p.device() == dev);
        ProxyNeighbour p = new ProxyNeighbour(address, dev, permanent);
        proxies.add(0, p);
        return p;
    }

    /**
     * {@code pneigh_delete}: {@code ip neigh del proxy ADDR dev D}.
     *
     * @throws KernelException {@code ENOENT} if there is none
     */
    public void deleteProxy(Ipv4Address address, NetDevice dev) throws KernelException {
        if (!proxies.removeIf(p -> p.address().equals(address) && p.device() == dev)) {
            throw new KernelException(Errno.ENOENT);
        }
    }

    /** {@code pneigh_lookup}: an entry for {@code address} on {@code dev} or on every device. */
    public Optional<ProxyNeighbour> lookupProxy(Ipv4Address address, NetDevice dev) {
        for (ProxyNeighbour p : proxies) {
            if (p.address().equals(address) && (p.device() == dev || p.device() == null)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The proxy entries, newest first ({@code ip neigh show proxy}). */
    public List<ProxyNeighbour> proxyEntries() {
        return List.copyOf(proxies);
    }

    /**
     * {@code pneigh_enqueue}: hold a request for a proxy reply for a random
     * delay in [0, proxy_delay) (drawn from the world's seeded random source),
     * then run {@code redo} ({@code neigh_proxy_process} → {@code parp_redo})
     * if the interface is still up. Dropped when the interface already holds
     * more than {@code proxy_qlen}.
     */
    public void proxyEnqueue(NetDevice dev, Runnable redo) {
        NeighParms p = dev.inDevice().arpParms();
        int delayMs = p.get(NeighParm.PROXY_DELAY);
        long delay = delayMs > 0 ? Durations.millis(host.world().random().nextInt(delayMs)) : 0;
        int qlen = proxyQlen.getOrDefault(dev, 0);
        if (qlen > p.get(NeighParm.PROXY_QLEN)) {
            return;
        }
        proxyQlen.put(dev, qlen + 1);
        ProxyRedo[] self = new ProxyRedo[1];
        Timer t = host.world().events().schedule(delay, () -> {
            proxyQueue.remove(self[0]);
            proxyQlen.merge(dev, -1, Integer::sum);
            if (dev.isUp()) {
                redo.run();
            }
        });
        self[0] = new ProxyRedo(dev, t);
        proxyQueue.add(self[0]);
    }

    // ---- parameters

    /** {@code n->parms}: the neighbour parameters of the entry's interface. */
    private static NeighParms parms(Neighbour n) {
        return n.device().inDevice().arpParms();
    }

    /**
     * {@code parms->reachable_time} of an interface: exactly its
     * {@code base_reachable_time} (the kernel draws it in [base/2, 3·base/2)).
     */
    public long reachableTime(NetDevice dev) {
        return dev.inDevice().arpParms().nanos(NeighParm.BASE_REACHABLE_TIME);
    }

    private long reachableTime(Neighbour n) {
        return reachableTime(n.device());
    }

    // ---- garbage collection

    private int gcThresh1() {
        try {
            return Integer.parseInt(host.sysctl().read("net/ipv4/neigh/default/gc_thresh1"));
        } catch (SysctlException | NumberFormatException e) {
            return 128;
        }
    }

    private void maybeStartGc() {
        if (gcTimer == null && entries.size() >= gcThresh1()) {
            gcTimer = host.world().events().schedule(gcPeriod(), this::periodicWork);
        }
    }

    /** The periodic work runs every {@code base_reachable_time/2} of the table's default parameters. */
    private long gcPeriod() {
        return Math.max(host.sysctl().neighDefaults().nanos(NeighParm.BASE_REACHABLE_TIME) / 2, MIN_TIMER_NANOS);
    }

    /**
     * {@code neigh_periodic_work}: with at least {@code gc_thresh1} entries,
     * remove unreferenced entries (no timer, not PERMANENT) that are FAILED or
     * were not used for {@code gc_stale_time}.
     */
    private void periodicWork() {
        gcTimer = null;
        if (entries.size() < gcThresh1()) {
            return;
        }
        long now = now();
        for (Iterator<Neighbour> it = oldestFirst().iterator(); it.hasNext(); ) {
            Neighbour n = it.next();
            if (n.state == NudState.NUD_PERMANENT || n.state.inTimer()) {
                continue;
            }
            if (n.used < n.confirmed && n.confirmed <= now) {
                n.used = n.confirmed;
            }
            long stale = parms(n).nanos(NeighParm.GC_STALETIME);
            boolean fresh = now >= n.used && now < n.used + stale;
            if (n.state == NudState.NUD_FAILED || !fresh) {
                unlink(n);
            }
        }
        gcTimer = host.world().events().schedule(gcPeriod(), this::periodicWork);
    }
}
