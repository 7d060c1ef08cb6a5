package dev.lvsunit.dsl;

/**
 * A reusable network: hosts, segments, addresses and settings, built into a
 * fresh {@link Lab}. One method, so a class, an enum constant or a lambda can
 * be one:
 *
 * <pre>{@code
 * public final class LvsDr implements Topology {
 *     public void build(Lab lab) {
 *         Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
 *         lab.lan("net0", client, director, rs1);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * A topology used by the JUnit extension is instantiated through a public or
 * package-private no-argument constructor, once per test.
 */
@FunctionalInterface
public interface Topology {

    /** Builds this network into {@code lab}, which is empty unless topologies were combined. */
    void build(Lab lab);
}
