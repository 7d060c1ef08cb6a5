package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.Nic;
import dev.lvsunit.dsl.capture.FrameSelection;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.junit.internal.FrameText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a selection of captured frames. Failure messages quote the
 * frames that matter in {@code tcpdump -n -e} form, each with the interface
 * that sent it, and then the whole selection.
 *
 * @param <SELF> the concrete assertion type, so calls chain
 * @param <ACTUAL> the concrete selection type
 */
public abstract class AbstractFrameSelectionAssert<SELF extends AbstractFrameSelectionAssert<SELF, ACTUAL>,
        ACTUAL extends FrameSelection<ACTUAL>> extends AbstractAssert<SELF, ACTUAL> {

    AssertFactory factory = AssertFactory.DIRECT;

    protected AbstractFrameSelectionAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The assertion class and selection class of this kind, for navigation. */
    abstract Class<SELF> selfClass();

    abstract Class<ACTUAL> actualClass();

    /** An assertion of the same kind on {@code selection}, soft if this one is. */
    SELF on(ACTUAL selection) {
        return navigate(selfClass(), actualClass(), selection);
    }

    <A extends AbstractAssert<?, ?>, T> A navigate(Class<A> assertClass, Class<T> actualClass, T value) {
        A a = factory.create(assertClass, actualClass, value);
        if (a instanceof AbstractFrameSelectionAssert<?, ?> f) {
            f.factory = factory;
        }
        if (a instanceof CaptureAssert c) {
            c.factory = factory;
        }
        return a;
    }

    // ---- navigation common to every kind

    /** The frames whose Ethernet source is {@code mac}. */
    public SELF from(MacAddress mac) {
        isNotNull();
        return on(actual.from(mac));
    }

    /** The frames whose Ethernet destination is {@code mac}. */
    public SELF to(MacAddress mac) {
        isNotNull();
        return on(actual.to(mac));
    }

    /** The frames sent by {@code nic}. */
    public SELF sentBy(Nic nic) {
        isNotNull();
        return on(actual.sentBy(nic.engine()));
    }

    /** The frames seen on segment {@code lan}. */
    public SELF onLan(String lan) {
        isNotNull();
        return on(actual.onLan(lan));
    }

    // ---- checks

    /** There are no such frames. */
    public SELF isEmpty() {
        isNotNull();
        if (!actual.isEmpty()) {
            failWithMessage("%s", "Expecting no " + actual.description() + ", but there "
                    + (actual.size() == 1 ? "was 1" : "were " + actual.size()) + ":\n"
                    + FrameText.lines(actual.frames(), "  "));
        }
        return myself;
    }

    /** There is at least one such frame. */
    public SELF isNotEmpty() {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("%s", "Expecting at least one of the " + actual.description() + ", but there was none");
        }
        return myself;
    }

    /** There are exactly {@code expected} such frames. */
    public SELF hasSize(int expected) {
        isNotNull();
        if (actual.size() != expected) {
            failWithActualExpectedAndMessage(actual.size(), expected, "%s", "Expecting " + expected + " "
                    + actual.description() + ", but there " + (actual.size() == 1 ? "was 1" : "were " + actual.size())
                    + (actual.isEmpty() ? "" : ":\n" + FrameText.lines(actual.frames(), "  ")));
        }
        return myself;
    }

    /**
     * There is at least one such frame, and every one came from (has the
     * Ethernet source) {@code mac}: "the ARP reply for the VIP came only from
     * the director's MAC".
     */
    public SELF allFrom(MacAddress mac) {
        return allFrom(mac, mac.toString());
    }

    /** {@link #allFrom(MacAddress)} with the MAC of {@code nic}, named in the message. */
    public SELF allFrom(Nic nic) {
        return allFrom(nic.mac(), nic.mac() + " (" + nic + ")");
    }

    private SELF allFrom(MacAddress mac, String named) {
        isNotNull();
        if (actual.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.description() + " to come only from " + named
                    + ", but there were none");
        }
        List<CapturedFrame> others = select(f -> !f.frame().source().equals(mac));
        if (!others.isEmpty()) {
            failWithActualExpectedAndMessage(actual.sourceMacs(), List.of(mac), "%s", "Expecting "
                    + actual.description() + " to come only from " + named + ", but " + others.size() + " of "
                    + actual.size() + " came from elsewhere:\n" + FrameText.lines(others, "  ")
                    + "all " + actual.description() + ":\n" + FrameText.lines(actual.frames(), "  "));
        }
        return myself;
    }

    /** No such frame came from {@code mac}. */
    public SELF noneFrom(MacAddress mac) {
        isNotNull();
        List<CapturedFrame> from = select(f -> f.frame().source().equals(mac));
        if (!from.isEmpty()) {
            failWithMessage("%s", "Expecting none of the " + actual.description() + " to come from " + mac
                    + ", but " + from.size() + " did:\n" + FrameText.lines(from, "  "));
        }
        return myself;
    }

    /** {@link #noneFrom(MacAddress)} with the MAC of {@code nic}. */
    public SELF noneFrom(Nic nic) {
        return noneFrom(nic.mac());
    }

    /** There is at least one such frame, and every one went to (has the Ethernet destination) {@code mac}. */
    public SELF allTo(MacAddress mac) {
        isNotNull();
        isNotEmpty();
        List<CapturedFrame> others = select(f -> !f.frame().destination().equals(mac));
        if (!others.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.description() + " to go only to " + mac + ", but "
                    + others.size() + " of " + actual.size() + " went elsewhere:\n" + FrameText.lines(others, "  "));
        }
        return myself;
    }

    /** Every such frame satisfies {@code condition}, described by {@code what} in the message. */
    public SELF allMatch(Predicate<CapturedFrame> condition, String what) {
        isNotNull();
        List<CapturedFrame> failing = select(condition.negate());
        if (!failing.isEmpty()) {
            failWithMessage("%s", "Expecting all " + actual.description() + " to " + what + ", but "
                    + failing.size() + " of " + actual.size() + " did not:\n" + FrameText.lines(failing, "  "));
        }
        return myself;
    }

    List<CapturedFrame> select(Predicate<CapturedFrame> p) {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : actual) {
            if (p.test(f)) {
                out.add(f);
            }
        }
        return out;
    }
}
