package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ipvs.IpvsTable;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one virtual service of an IPVS table. */
public class IpvsServiceAssert extends AbstractAssert<IpvsServiceAssert, IpvsTable.ServiceEntry> {

    AssertFactory factory = AssertFactory.DIRECT;

    public IpvsServiceAssert(IpvsTable.ServiceEntry actual) {
        super(actual, IpvsServiceAssert.class);
    }

    /** The service uses {@code scheduler}. */
    public IpvsServiceAssert withScheduler(Scheduler scheduler) {
        isNotNull();
        if (!actual.scheduler().equals(scheduler.label())) {
            failWithActualExpectedAndMessage(actual.scheduler(), scheduler.label(), "%s", "Expecting " + actual.name()
                    + " to use " + scheduler.label() + ", but it uses " + actual.scheduler());
        }
        return myself;
    }

    /** The service has exactly {@code count} real servers. */
    public IpvsServiceAssert hasRealServers(int count) {
        isNotNull();
        if (actual.realServers().size() != count) {
            failWithActualExpectedAndMessage(actual.realServers().size(), count, "%s", "Expecting " + actual.name()
                    + " to have " + count + " real servers, but it has:\n" + actual);
        }
        return myself;
    }

    /** The service has a real server at {@code address}; the returned assertion checks it. */
    public IpvsRealServerAssert hasRealServer(String address) {
        isNotNull();
        Optional<IpvsTable.RealServerEntry> r = actual.realServer(Ipv4Address.parse(address));
        if (r.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.name() + " to have real server " + address + ", but it has:\n"
                    + actual);
        }
        return factory.create(IpvsRealServerAssert.class, IpvsTable.RealServerEntry.class, r.get());
    }
}
