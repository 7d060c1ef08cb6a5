/**
 * lvsunit for JUnit 5 (and 6): {@link dev.lvsunit.junit.LvsTest} gives each
 * test a fresh lab, injects it ({@link dev.lvsunit.junit.Named}) and attaches
 * every frame, a pcap and the transcript to a failure;
 * {@link dev.lvsunit.junit.InterceptProcesses} runs the test's
 * {@code ProcessBuilder} processes on a simulated host.
 *
 * <p>Subpackages: {@code assertions} (AssertJ assertions and {@code eventually}),
 * {@code sweep} ({@code @SysctlSweep}), {@code spec} (the {@code lvsunit-spec}
 * test engine), {@code process} (the ProcessBuilder interception), {@code kernel}
 * ({@code @AlsoOnLinux}: replaying a test on real Linux hosts);
 * {@code internal} is not API.
 */
package dev.lvsunit.junit;
