package dev.lvsunit.engine.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.sim.EventQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connection timers in per-instant buckets: exact instants, arm order within one, re-arming, cancelling. */
class ConnTimersTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    final EventQueue events = new EventQueue();
    final List<String> fired = new ArrayList<>();
    final ConnTimers timers = new ConnTimers(events, cp -> fired.add(cp.cport + "@" + events.now()));
    final RealServer rs = new RealServer(ServiceKey.tcp(VIP, 80), Ipv4Address.parse("192.168.0.11"), 80);

    ConnTimersTest() {
        rs.forward = ForwardMethod.DROUTE;
    }

    IpvsConn conn(int port) {
        return new IpvsConn(6, Ipv4Address.parse("10.0.0.1"), port, VIP, 80, rs.address(), 80, false, rs);
    }

    @Test
    void eachFiresAtItsInstantAndThoseOfOneInstantInTheOrderArmed() {
        long s = Durations.seconds(1);
        IpvsConn a = conn(1);
        IpvsConn b = conn(2);
        IpvsConn c = conn(3);
        IpvsConn d = conn(4);
        timers.arm(a, 60 * s);
        timers.arm(b, 60 * s);
        timers.arm(c, 30 * s);
        timers.arm(d, 60 * s);
        timers.arm(a, 60 * s); // re-armed for the same instant: now after d
        events.runUntil(59 * s);
        assertThat(fired).containsExactly("3@" + 30 * s);
        events.runUntil(61 * s);
        assertThat(fired).containsExactly("3@" + 30 * s, "2@" + 60 * s, "4@" + 60 * s, "1@" + 60 * s);
        assertThat(ConnTimers.pending(a)).isFalse();
    }

    @Test
    void reArmingMovesAndCancellingTheLastOfAnInstantLeavesNoEvent() {
        long s = Durations.seconds(1);
        IpvsConn a = conn(1);
        IpvsConn b = conn(2);
        timers.arm(a, 60 * s);
        timers.arm(b, 60 * s);
        events.runUntil(10 * s);
        timers.arm(a, 10 * s + 900 * s);
        timers.cancel(b);
        assertThat(ConnTimers.pending(b)).isFalse();
        assertThat(ConnTimers.pending(a)).isTrue();
        events.runUntil(2000 * s);
        assertThat(fired).containsExactly("1@" + 910 * s);
        assertThat(events.nextEventTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void cancellingEveryTimerLeavesNothingOnTheClock() {
        long s = Durations.seconds(1);
        IpvsConn a = conn(1);
        IpvsConn b = conn(2);
        timers.arm(a, 60 * s);
        timers.arm(b, 900 * s);
        timers.arm(b, 60 * s);
        timers.cancel(a);
        timers.cancel(b);
        assertThat(events.nextEventTime()).isEqualTo(Long.MAX_VALUE);
        timers.arm(a, 60 * s); // the instant can be armed again
        events.runUntil(100 * s);
        assertThat(fired).containsExactly("1@" + 60 * s);
    }

    @Test
    void dueNowFiresAfterWhatIsAlreadyQueuedForNow() {
        IpvsConn a = conn(1);
        List<String> order = new ArrayList<>();
        events.schedule(0, () -> order.add("queued"));
        ConnTimers t = new ConnTimers(events, cp -> order.add("expired"));
        t.arm(a, events.now());
        events.runUntil(0);
        assertThat(order).containsExactly("queued", "expired");
    }
}
