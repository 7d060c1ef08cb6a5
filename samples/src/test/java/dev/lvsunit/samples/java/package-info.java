/**
 * The Java face of lvsunit, as examples to read in this order:
 *
 * <ol>
 *   <li>{@link dev.lvsunit.samples.java.DslTourTest}: building a network from
 *       Java, and the spec transcript every lab prints;</li>
 *   <li>{@link dev.lvsunit.samples.java.OnlyTheDirectorAnswersForTheVipTest}:
 *       LVS-DR's central property in ten lines;</li>
 *   <li>{@link dev.lvsunit.samples.java.ExtensionTourTest}: {@code @LvsTest},
 *       reusable topologies ({@link dev.lvsunit.samples.java.LvsDr}) and
 *       injection;</li>
 *   <li>{@link dev.lvsunit.samples.java.AssertionsTourTest}: assertions on
 *       frames, ARP caches and IPVS tables, soft assertions, and
 *       {@code eventually} on the virtual clock;</li>
 *   <li>{@link dev.lvsunit.samples.java.ArpSysctlSweepTest}: every
 *       combination of the ARP sysctls, and the smallest ones that matter;</li>
 *   <li>{@link dev.lvsunit.samples.java.LvsProvisionerTest}: testing code that
 *       runs {@code ipvsadm} and {@code sysctl} through {@code ProcessBuilder};</li>
 *   <li>{@link dev.lvsunit.samples.java.SpecsAsTestsTest}: spec files as JUnit
 *       tests;</li>
 *   <li>{@link dev.lvsunit.samples.java.ParallelWorldsTest}: a hundred worlds
 *       at once;</li>
 *   <li>{@link dev.lvsunit.samples.java.OnBothBackendsTest}: the same test
 *       replayed on real Linux hosts, {@code @AlsoOnLinux}.</li>
 * </ol>
 */
package dev.lvsunit.samples.java;
