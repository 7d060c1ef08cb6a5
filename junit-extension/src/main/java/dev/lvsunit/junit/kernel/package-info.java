/**
 * Every Java test on both backends: {@link dev.lvsunit.junit.kernel.AlsoOnLinux}
 * replays the lab of an {@code @LvsTest} test on real Linux hosts (the
 * {@code lvsunit-kernel} backend) after it has passed on the engine, and fails
 * on any command whose output differs;
 * {@link dev.lvsunit.junit.kernel.LinuxReplay#eventually} waits on the engine's
 * virtual clock and, in the replay, on the real one (with Awaitility).
 */
package dev.lvsunit.junit.kernel;
