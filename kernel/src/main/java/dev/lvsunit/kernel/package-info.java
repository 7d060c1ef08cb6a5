/**
 * The kernel backend: runs specs on real Linux hosts built from network
 * namespaces, so that a spec can be recorded from, or checked against, the
 * real kernel and tools.
 *
 * <p>{@link dev.lvsunit.kernel.KernelBackend} is the only public type; it knows
 * nothing of the engine. The rest of the package: the session (namespaces,
 * bridges, veths, commands), the table of kernel-default settings, the
 * segment capture and the pcap reader/writer behind {@code @tcpdump}.
 */
package dev.lvsunit.kernel;
