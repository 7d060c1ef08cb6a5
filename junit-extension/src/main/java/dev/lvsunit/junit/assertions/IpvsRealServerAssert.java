package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ipvs.IpvsTable;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one real server of a virtual service. */
public class IpvsRealServerAssert extends AbstractAssert<IpvsRealServerAssert, IpvsTable.RealServerEntry> {

    public IpvsRealServerAssert(IpvsTable.RealServerEntry actual) {
        super(actual, IpvsRealServerAssert.class);
    }

    /** It has weight {@code weight}. */
    public IpvsRealServerAssert withWeight(int weight) {
        isNotNull();
        if (actual.weight() != weight) {
            failWithActualExpectedAndMessage(actual.weight(), weight, "%s", "Expecting " + actual.address()
                    + " to have weight " + weight + ", but it is " + actual);
        }
        return myself;
    }

    /** It is reached by {@code forward}. */
    public IpvsRealServerAssert reachedBy(ForwardMethod forward) {
        isNotNull();
        if (actual.forward() != forward) {
            failWithActualExpectedAndMessage(actual.forward(), forward, "%s", "Expecting " + actual.address()
                    + " to be reached by " + forward + ", but it is " + actual);
        }
        return myself;
    }

    /** It has {@code count} active (established) connections. */
    public IpvsRealServerAssert withActiveConnections(int count) {
        isNotNull();
        if (actual.activeConns() != count) {
            failWithActualExpectedAndMessage(actual.activeConns(), count, "%s", "Expecting " + actual.address()
                    + " to have " + count + " active connections, but it is " + actual);
        }
        return myself;
    }

    /** It has {@code count} inactive connections. */
    public IpvsRealServerAssert withInactiveConnections(int count) {
        isNotNull();
        if (actual.inactiveConns() != count) {
            failWithActualExpectedAndMessage(actual.inactiveConns(), count, "%s", "Expecting " + actual.address()
                    + " to have " + count + " inactive connections, but it is " + actual);
        }
        return myself;
    }
}
