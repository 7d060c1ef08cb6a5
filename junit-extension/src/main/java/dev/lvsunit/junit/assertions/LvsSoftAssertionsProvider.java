package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ArpCache;
import dev.lvsunit.dsl.ArpEntry;
import dev.lvsunit.dsl.capture.ArpFrames;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.dsl.capture.Frames;
import dev.lvsunit.dsl.capture.IpFrames;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * lvsunit's assertions as soft assertions, for any AssertJ soft-assertion
 * class: navigation ({@code arpReplies().forTarget(vip)}) stays soft, so
 * every failure of a chain is collected.
 */
public interface LvsSoftAssertionsProvider extends SoftAssertionsProvider {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <A extends AbstractAssert<?, ?>, T> A softProxy(Class<A> type, Class<T> actualType, T actual) {
        return (A) proxy((Class) type, (Class) actualType, actual);
    }

    private <A extends AbstractAssert<?, ?>, T> A soft(Class<A> type, Class<T> actualType, T actual) {
        A a = softProxy(type, actualType, actual);
        AssertFactory factory = new AssertFactory() {
            @Override
            public <B extends AbstractAssert<?, ?>, U> B create(Class<B> assertClass, Class<U> actualClass, U value) {
                return softProxy(assertClass, actualClass, value);
            }
        };
        if (a instanceof CaptureAssert c) {
            c.factory = factory;
        } else if (a instanceof AbstractFrameSelectionAssert<?, ?> f) {
            f.factory = factory;
        } else if (a instanceof ArpCacheAssert c) {
            c.factory = factory;
        } else if (a instanceof IpvsTableAssert t) {
            t.factory = factory;
        }
        return a;
    }

    default CaptureAssert assertThat(Capture actual) {
        return soft(CaptureAssert.class, Capture.class, actual);
    }

    default FramesAssert assertThat(Frames actual) {
        return soft(FramesAssert.class, Frames.class, actual);
    }

    default ArpFramesAssert assertThat(ArpFrames actual) {
        return soft(ArpFramesAssert.class, ArpFrames.class, actual);
    }

    default IpFramesAssert assertThat(IpFrames actual) {
        return soft(IpFramesAssert.class, IpFrames.class, actual);
    }

    default ArpCacheAssert assertThat(ArpCache actual) {
        return soft(ArpCacheAssert.class, ArpCache.class, actual);
    }

    default IpvsTableAssert assertThat(dev.lvsunit.dsl.ipvs.IpvsTable actual) {
        return soft(IpvsTableAssert.class, dev.lvsunit.dsl.ipvs.IpvsTable.class, actual);
    }

    default RouteLookupAssert assertThat(dev.lvsunit.dsl.RouteLookup actual) {
        return soft(RouteLookupAssert.class, dev.lvsunit.dsl.RouteLookup.class, actual);
    }

    default ArpEntryAssert assertThat(ArpEntry actual) {
        return soft(ArpEntryAssert.class, ArpEntry.class, actual);
    }
}
