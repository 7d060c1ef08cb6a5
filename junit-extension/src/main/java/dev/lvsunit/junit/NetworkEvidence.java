package dev.lvsunit.junit;

/**
 * What the network did during a failed test, attached by {@link LvsTest} to
 * the failure as a suppressed exception: every frame in tcpdump form, the
 * files written, and the test as a spec transcript. It has no stack trace;
 * its message is the evidence.
 */
public final class NetworkEvidence extends RuntimeException {

    NetworkEvidence(String message) {
        super(message, null, false, false);
    }
}
