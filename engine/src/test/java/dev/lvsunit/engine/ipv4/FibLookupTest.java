package dev.lvsunit.engine.ipv4;

import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Fib#lookup} and {@link Fib#lookupScoped} go through a prefix index;
 * here they are held against the plain rule they must keep, a walk over every
 * route: longest prefix, then the local table before main, higher TOS, lower
 * metric, and the route inserted first. Random tables of overlapping
 * prefixes, several tables, down devices and error routes, changed between
 * lookups so the index is remade.
 */
class FibLookupTest {

    private final World world = new World();
    private final Host host = world.addHost("h");
    private final List<NetDevice> devices = List.of(nic(host, "eth0"), nic(host, "eth1"), nic(host, "eth2"));
    private final Random random = new Random(2026);

    @Test
    void indexedLookupsAgreeWithAWalkOverEveryRoute() {
        Fib fib = host.fib();
        devices.get(0).setUpFlag(true);
        devices.get(1).setUpFlag(true);
        // eth2 stays down: its unicast routes must be passed over
        for (int round = 0; round < 300; round++) {
            switch (random.nextInt(4)) {
                case 0 -> fib.insertFirst(randomRoute());
                case 1 -> {
                    if (!fib.routes().isEmpty()) {
                        fib.remove(fib.routes().get(random.nextInt(fib.routes().size())));
                    }
                }
                default -> fib.insert(randomRoute());
            }
            for (int i = 0; i < 40; i++) {
                Ipv4Address dst = randomAddress();
                NetDevice oif = random.nextBoolean() ? null : devices.get(random.nextInt(devices.size()));
                assertThat(fib.lookup(dst, oif)).as("lookup %s oif %s in %s", dst, oif, fib.routes())
                        .isEqualTo(walkLookup(fib.routes(), dst, oif));
                int scope = List.of(0, 200, 253, 254).get(random.nextInt(4));
                int table = List.of(-1, Fib.RT_TABLE_MAIN, Fib.RT_TABLE_LOCAL, 100).get(random.nextInt(4));
                assertThat(fib.lookupScoped(dst, oif, scope, table)).as("scoped %s %s %d %d", dst, oif, scope, table)
                        .isEqualTo(walkScoped(fib.routes(), dst, oif, scope, table));
            }
        }
    }

    private Ipv4Address randomAddress() {
        // 10.0.0.0/22 and a few outside it, so prefixes of every length overlap
        return random.nextInt(8) == 0
                ? new Ipv4Address(random.nextInt())
                : Ipv4Address.of(10, 0, random.nextInt(4), random.nextInt(256));
    }

    private FibRoute randomRoute() {
        int length = List.of(0, 8, 16, 22, 23, 24, 24, 30, 32, 32).get(random.nextInt(10));
        Ipv4Prefix dst = new Ipv4Prefix(randomAddress(), length).network();
        int table = List.of(Fib.RT_TABLE_MAIN, Fib.RT_TABLE_MAIN, Fib.RT_TABLE_LOCAL, 100).get(random.nextInt(4));
        RouteType type = List.of(RouteType.UNICAST, RouteType.UNICAST, RouteType.LOCAL, RouteType.BROADCAST,
                RouteType.UNREACHABLE).get(random.nextInt(5));
        RtScope scope = List.of(RtScope.UNIVERSE, RtScope.LINK, RtScope.HOST).get(random.nextInt(3));
        NetDevice dev = type.isError() ? null : devices.get(random.nextInt(devices.size()));
        return new FibRoute(table, type, dst, random.nextInt(4) == 0 ? 0x10 : 0, random.nextInt(3) * 100,
                dev, null, null, scope, FibRoute.PROTO_BOOT);
    }

    // ---- the rule, as a walk over every route

    private static Optional<FibRoute> walkLookup(List<FibRoute> routes, Ipv4Address dst, NetDevice oif) {
        FibRoute best = null;
        for (FibRoute r : routes) {
            if ((r.table() == Fib.RT_TABLE_LOCAL || r.table() == Fib.RT_TABLE_MAIN) && r.destination().contains(dst)
                    && (oif == null || r.device() == oif)
                    && (r.device() == null || r.device().isUp() || r.type() == RouteType.LOCAL)
                    && (best == null || better(r, best))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<FibRoute> walkScoped(List<FibRoute> routes, Ipv4Address dst, NetDevice oif,
                                                 int minScope, int table) {
        FibRoute best = null;
        for (FibRoute r : routes) {
            boolean inTable = table < 0
                    ? r.table() == Fib.RT_TABLE_LOCAL || r.table() == Fib.RT_TABLE_MAIN
                    : r.table() == table;
            if (inTable && r.destination().contains(dst) && r.scope().value() >= minScope && r.tos() == 0
                    && (r.type().isError() || oif == null || r.device() == oif)
                    && (best == null || better(r, best))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(FibRoute candidate, FibRoute current) {
        if (candidate.destination().length() != current.destination().length()) {
            return candidate.destination().length() > current.destination().length();
        }
        if (candidate.table() != current.table()) {
            return candidate.table() == Fib.RT_TABLE_LOCAL;
        }
        if (candidate.tos() != current.tos()) {
            return candidate.tos() > current.tos();
        }
        return candidate.priority() < current.priority();
    }
}
