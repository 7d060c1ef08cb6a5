package dev.lvsunit.junit.assertions;

import java.lang.reflect.InvocationTargetException;
import org.assertj.core.api.AbstractAssert;

/**
 * Makes the assertion objects that navigation methods return
 * ({@code assertThat(capture).arpReplies()}): plain ones, or soft-assertion
 * proxies when the chain started from {@link LvsSoftAssertions}, so that a
 * failure deep in a chain is collected, not thrown.
 */
@FunctionalInterface
interface AssertFactory {

    /** Plain assertions, made through their public one-argument constructor. */
    AssertFactory DIRECT = new AssertFactory() {
        @Override
        public <A extends AbstractAssert<?, ?>, T> A create(Class<A> assertClass, Class<T> actualClass, T actual) {
            try {
                return assertClass.getConstructor(actualClass).newInstance(actual);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(assertClass + " needs a public constructor taking " + actualClass, e);
            }
        }
    };

    <A extends AbstractAssert<?, ?>, T> A create(Class<A> assertClass, Class<T> actualClass, T actual);
}
