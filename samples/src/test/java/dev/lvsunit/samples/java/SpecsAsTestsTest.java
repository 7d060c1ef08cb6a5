package dev.lvsunit.samples.java;

import dev.lvsunit.junit.spec.LvsSpecs;

/**
 * Specs as JUnit tests. The {@code lvsunit-spec} test engine (in the
 * junit-extension jar) runs every {@code .lvs} file and every Markdown file
 * with {@code lvs} blocks it is pointed at, one test per file, each on a
 * fresh simulated world; a failing spec fails with its diff at
 * {@code file:line}. Maven Surefire only hands engines test classes, so this
 * class points the engine at the specs of
 * {@code src/test/resources/dev/lvsunit/samples/java/specs}; IDEs that run
 * a whole module find them without it.
 *
 * <p>It has no test methods of its own.
 */
@LvsSpecs(packages = "dev.lvsunit.samples.java.specs")
class SpecsAsTestsTest {
}
