package dev.lvsunit.junit.assertions;

import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions over lvsunit values: every failure is collected and
 * reported together by {@link #assertAll()}.
 *
 * <pre>{@code
 * LvsSoftAssertions softly = new LvsSoftAssertions();
 * softly.assertThat(capture).arpReplies().forTarget(vip).allFrom(director.eth0());
 * softly.assertThat(client.arpCache()).hasEntryFor(vip).withMacOf(director.eth0());
 * softly.assertAll();
 * }</pre>
 *
 * With AssertJ's {@code SoftAssertionsExtension}, a test parameter of this type works too.
 */
public class LvsSoftAssertions extends AbstractSoftAssertions implements LvsSoftAssertionsProvider {
}
