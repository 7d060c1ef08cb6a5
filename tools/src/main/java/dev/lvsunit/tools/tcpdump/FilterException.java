package dev.lvsunit.tools.tcpdump;

/**
 * A filter expression libpcap refuses; tcpdump prints {@code tcpdump: MESSAGE}
 * and exits 1.
 */
final class FilterException extends Exception {

    /** What the grammar of {@code pcap_compile} reports for text it cannot parse. */
    static final String CANT_PARSE = "can't parse filter expression: syntax error";

    FilterException(String message) {
        super(message);
    }
}
