package dev.lvsunit.spec.backend;

import java.util.List;

/**
 * One scenario on one backend: hosts, segments and the commands run on them.
 *
 * <p>The spec layer resolves everything the format leaves implicit (default
 * MAC addresses, {@code HOST} meaning {@code HOST:eth0}) before it calls a
 * session, so every backend sees the same explicit requests.
 * Closing a session removes everything it created.
 */
public interface Session extends AutoCloseable {

    /**
     * Makes sure a host exists. A new host has {@code lo} (127.0.0.1/8, up)
     * and nothing else; calling this for an existing host does nothing.
     */
    void host(String name);

    /**
     * {@code @lan SEGMENT MEMBER...}: joins the given interfaces into one
     * Ethernet broadcast domain. Hosts and interfaces named for the first time
     * are created (interfaces up, MTU 1500, no address, with the given MAC).
     *
     * @throws BackendException for an impossible topology (an interface that
     *     is already on a segment, a segment defined twice)
     */
    void lan(String segment, List<LanMember> members);

    /**
     * Runs one command line on a host, as typed after {@code HOST#}, and
     * returns what it printed (standard output and error interleaved) and its
     * exit status. The world runs on while the command lasts; before each
     * command the world runs for the inter-command gap.
     */
    CommandOutcome run(String host, String commandLine);

    /**
     * {@code @tcpdump SEGMENT [-e] [-v] [FILTER]}: the frames seen on the
     * segment since the previous {@code @tcpdump} of that segment, or since the
     * segment was made, in {@code tcpdump -n} format.
     *
     * @param arguments the words after the segment name
     */
    CommandOutcome tcpdump(String segment, List<String> arguments);

    /** Removes everything this session created. Never throws. */
    @Override
    void close();
}
