package dev.lvsunit.engine.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hashed connection table: lookups by client, creation order, growth and removal. */
class ConnTableTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    static final int TCP = IpvsProtocol.TCP.number();
    final RealServer rs = rs(ForwardMethod.DROUTE);
    final ConnTable table = new ConnTable();

    static RealServer rs(ForwardMethod forward) {
        RealServer d = new RealServer(ServiceKey.tcp(VIP, 80), Ipv4Address.parse("192.168.0.11"), 80);
        d.forward = forward;
        return d;
    }

    static Ipv4Address client(int i) {
        return new Ipv4Address(Ipv4Address.parse("10.0.0.0").bits() + i);
    }

    IpvsConn conn(int client, int port) {
        return new IpvsConn(TCP, client(client), port, VIP, 80, rs.address(), 80, false, rs);
    }

    @Test
    void findsEveryEntryOfManyAndKeepsCreationOrderThroughGrowth() {
        List<IpvsConn> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            IpvsConn c = conn(i % 7, 1024 + i / 7);
            table.add(c);
            made.add(c);
        }
        for (IpvsConn c : made) {
            assertThat(table.inGet(TCP, c.caddr, c.cport, VIP, 80)).isSameAs(c);
        }
        assertThat(table.inGet(TCP, client(0), 1024, VIP, 81)).isNull();
        assertThat(table.inGet(IpvsProtocol.UDP.number(), client(0), 1024, VIP, 80)).isNull();
        List<IpvsConn> newestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(newestFirst);
        assertThat(table.newestFirst()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void removingUnlinksFromChainAndOrderAndTheOldestOfTwoEqualEntriesIsFound() {
        IpvsConn a = conn(1, 5000);
        IpvsConn b = conn(2, 5000);
        IpvsConn again = conn(1, 5000);
        table.add(a);
        table.add(b);
        table.add(again);
        assertThat(table.inGet(TCP, client(1), 5000, VIP, 80)).isSameAs(a);
        table.remove(a);
        assertThat(table.inGet(TCP, client(1), 5000, VIP, 80)).isSameAs(again);
        assertThat(table.newestFirst()).containsExactly(again, b);
        table.remove(a); // not there any more: nothing happens
        assertThat(table.size()).isEqualTo(2);
        table.remove(again);
        table.remove(b);
        assertThat(table.isEmpty()).isTrue();
        assertThat(table.newestFirst()).isEmpty();
    }

    @Test
    void templatesAndNatRepliesAreFoundByTheirOwnKeys() {
        Ipv4Address snet = Ipv4Address.parse("10.0.0.0");
        IpvsConn template = new IpvsConn(TCP, snet, 0, VIP, 80, rs.address(), 80, true, rs);
        RealServer nat = rs(ForwardMethod.MASQ);
        IpvsConn masq = new IpvsConn(TCP, client(3), 40000, VIP, 80, nat.address(), 8080, false, nat);
        table.add(template);
        table.add(masq);
        assertThat(table.templateGet(TCP, snet, VIP, 80)).isSameAs(template);
        assertThat(table.inGet(TCP, snet, 0, VIP, 80)).isNull();
        assertThat(table.outGet(TCP, nat.address(), 8080, client(3), 40000)).isSameAs(masq);
        assertThat(table.outGet(TCP, nat.address(), 80, client(3), 40000)).isNull();
    }
}
