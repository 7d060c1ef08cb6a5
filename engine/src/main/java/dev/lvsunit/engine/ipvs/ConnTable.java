package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection table ({@code ip_vs_conn_tab} of {@code ip_vs_conn.c}):
 * entries hashed on protocol, client address and client port, as
 * {@code ip_vs_conn_hashkey_param} hashes them, so that a lookup costs the
 * same with ten entries or a million.
 *
 * <p>Unlike the kernel's fixed 4096 buckets, the table doubles when it holds
 * as many entries as buckets, so that most lookups of a new connection find
 * an empty bucket; nothing outside sees the bucket layout. Entries
 * also form one list in creation order, for listings, and a lookup returns
 * the oldest matching entry. Chains are built newest first, so a lookup
 * walks its whole (short) chain and keeps the last match.
 *
 * <p>The hash key of an entry never changes while it is in the table: its
 * protocol and client address are final, and only templates, whose client
 * port is always 0, have their ports rewritten ({@code ip_vs_check_template}).
 */
final class ConnTable {

    private IpvsConn[] buckets = new IpvsConn[Ipvs.CONN_TAB_SIZE];
    /**
     * Per bucket, one bit ({@link #tag}) for each entry of its chain: a
     * lookup whose bit is clear misses without touching the entries, which
     * in a table of a million are cache misses of their own.
     */
    private int[] tags = new int[Ipvs.CONN_TAB_SIZE];
    private int size;
    private IpvsConn oldest;
    private IpvsConn newest;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** {@code ip_vs_conn_hash}: links the entry in, as the newest. */
    void add(IpvsConn cp) {
        if (size >= buckets.length) {
            grow();
        }
        chainIn(cp, buckets, tags);
        cp.older = newest;
        cp.newer = null;
        if (newest == null) {
            oldest = cp;
        } else {
            newest.newer = cp;
        }
        newest = cp;
        size++;
    }

    /** {@code ip_vs_conn_unhash}: unlinks the entry (no-op if it is not in the table). */
    void remove(IpvsConn cp) {
        int i = index(cp.protocol, cp.caddr, cp.cport, buckets.length);
        IpvsConn prev = null;
        for (IpvsConn c = buckets[i]; c != null; prev = c, c = c.hashNext) {
            if (c == cp) {
                if (prev == null) {
                    buckets[i] = c.hashNext;
                } else {
                    prev.hashNext = c.hashNext;
                }
                cp.hashNext = null;
                int t = 0;
                for (IpvsConn o = buckets[i]; o != null; o = o.hashNext) {
                    t |= tag(o.protocol, o.caddr, o.cport);
                }
                tags[i] = t;
                if (cp.older == null) {
                    oldest = cp.newer;
                } else {
                    cp.older.newer = cp.newer;
                }
                if (cp.newer == null) {
                    newest = cp.older;
                } else {
                    cp.newer.older = cp.older;
                }
                cp.older = null;
                cp.newer = null;
                size--;
                return;
            }
        }
    }

    /** The entries, newest first. */
    List<IpvsConn> newestFirst() {
        List<IpvsConn> out = new ArrayList<>(size);
        for (IpvsConn c = newest; c != null; c = c.older) {
            out.add(c);
        }
        return out;
    }

    /** {@code ip_vs_conn_in_get}: the connection of a client's packet to a VIP. */
    IpvsConn inGet(int proto, Ipv4Address caddr, int cport, Ipv4Address vaddr, int vport) {
        int i = index(proto, caddr, cport, buckets.length);
        if ((tags[i] & tag(proto, caddr, cport)) == 0) {
            return null;
        }
        IpvsConn found = null;
        for (IpvsConn c = buckets[i]; c != null; c = c.hashNext) {
            if (!c.template && c.protocol == proto && c.cport == cport && c.vport == vport
                    && c.caddr.equals(caddr) && c.vaddr.equals(vaddr)) {
                found = c;
            }
        }
        return found;
    }

    /** {@code ip_vs_ct_in_get}: a persistence template (client port 0). */
    IpvsConn templateGet(int proto, Ipv4Address caddr, Ipv4Address vaddr, int vport) {
        IpvsConn found = null;
        for (IpvsConn c = buckets[index(proto, caddr, 0, buckets.length)]; c != null; c = c.hashNext) {
            if (c.template && c.protocol == proto && c.cport == 0 && c.vport == vport
                    && c.caddr.equals(caddr) && c.vaddr.equals(vaddr)) {
                found = c;
            }
        }
        return found;
    }

    /** {@code ip_vs_conn_out_get}: a NAT reply from {@code saddr:sport} to the client {@code daddr:dport}. */
    IpvsConn outGet(int proto, Ipv4Address saddr, int sport, Ipv4Address daddr, int dport) {
        IpvsConn found = null;
        for (IpvsConn c = buckets[index(proto, daddr, dport, buckets.length)]; c != null; c = c.hashNext) {
            if (!c.template && c.protocol == proto && c.forward == ForwardMethod.MASQ
                    && c.daddr.equals(saddr) && c.dport == sport && c.caddr.equals(daddr) && c.cport == dport) {
                found = c;
            }
        }
        return found;
    }

    /** Puts {@code cp} at the head of its chain. */
    private static void chainIn(IpvsConn cp, IpvsConn[] table, int[] tagTable) {
        int i = index(cp.protocol, cp.caddr, cp.cport, table.length);
        cp.hashNext = table[i];
        table[i] = cp;
        tagTable[i] |= tag(cp.protocol, cp.caddr, cp.cport);
    }

    /** Rehashes into twice the buckets, oldest first, so every chain stays newest first. */
    private void grow() {
        IpvsConn[] bigger = new IpvsConn[buckets.length * 2];
        int[] biggerTags = new int[bigger.length];
        for (IpvsConn c = oldest; c != null; c = c.newer) {
            chainIn(c, bigger, biggerTags);
        }
        buckets = bigger;
        tags = biggerTags;
    }

    /**
     * The bucket of (protocol, client address, client port): the address and
     * protocol are mixed into a random-looking base and the port is added to
     * it, so one client's consecutive ports (as its ephemeral ports usually
     * are) fall in neighbouring buckets. Connections made and expired in
     * order then walk the bucket array in order instead of missing the cache
     * on every lookup; different clients still spread over the whole table.
     */
    private static int index(int proto, Ipv4Address caddr, int cport, int length) {
        return (base(proto, caddr) + cport) & (length - 1);
    }

    private static int base(int proto, Ipv4Address caddr) {
        int h = caddr.bits() * 0x9E3779B1 + proto;
        h ^= h >>> 15;
        h *= 0x2C1B3C6D;
        h ^= h >>> 12;
        return h;
    }

    /** The entry's bit in its bucket's tag: other clients sharing a bucket mostly have other bits. */
    private static int tag(int proto, Ipv4Address caddr, int cport) {
        return 1 << ((base(proto, caddr) ^ (cport * 0x9E3779B1)) >>> 27);
    }
}
