package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ipvs.IpvsTable;
import dev.lvsunit.dsl.ipvs.Service;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a host's IPVS table:
 *
 * <pre>{@code
 * assertThat(director.ipvs().table()).hasService(tcp("192.168.0.101", 80))
 *         .withScheduler(Scheduler.RR).hasRealServer("192.168.0.8").withWeight(1);
 * }</pre>
 */
public class IpvsTableAssert extends AbstractAssert<IpvsTableAssert, IpvsTable> {

    AssertFactory factory = AssertFactory.DIRECT;

    public IpvsTableAssert(IpvsTable actual) {
        super(actual, IpvsTableAssert.class);
    }

    /** The table has {@code service} (by protocol, address and port, or mark); the returned assertion checks it. */
    public IpvsServiceAssert hasService(Service service) {
        isNotNull();
        Optional<IpvsTable.ServiceEntry> entry = actual.service(service.key());
        if (entry.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s IPVS table to have " + service.selector()
                    + ", but it " + (actual.services().isEmpty() ? "is empty" : "has:\n" + actual));
        }
        IpvsServiceAssert a = factory.create(IpvsServiceAssert.class, IpvsTable.ServiceEntry.class, entry.get());
        a.factory = factory;
        return a;
    }

    /** The table has no services. */
    public IpvsTableAssert isEmpty() {
        isNotNull();
        if (!actual.services().isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s IPVS table to be empty, but it has:\n" + actual);
        }
        return myself;
    }
}
