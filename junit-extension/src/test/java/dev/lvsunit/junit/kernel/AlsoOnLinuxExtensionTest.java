package dev.lvsunit.junit.kernel;

import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lvsunit.dsl.Lab;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.TestKitOnly;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.TestAbortedException;

/** The wiring of {@link AlsoOnLinux}; the replay itself is {@link ReplayTest}'s. */
class AlsoOnLinuxExtensionTest {

    @TestKitOnly
    @AlsoOnLinux
    static class WithoutLvsTest {
        @Test
        void takesTheReplay(LinuxReplay linux) {
        }
    }

    @TestKitOnly
    @LvsTest
    @AlsoOnLinux
    static class FailingOnTheEngine {
        @Test
        void fails(Lab lab) throws Exception {
            // a step past the commands: a replay, were there one, would see Linux print 0 here
            lab.host("a").engine().sysctl().write("net/ipv4/ip_forward", "1");
            lab.host("a").run("cat /proc/sys/net/ipv4/ip_forward");
            throw new AssertionError("the engine's own failure");
        }
    }

    @TestKitOnly
    @LvsTest
    @AlsoOnLinux
    static class OneReplayPerTest {
        static LinuxReplay seen;

        @BeforeEach
        void before(LinuxReplay linux) {
            seen = linux;
        }

        @Test
        void sameInTheTest(LinuxReplay linux, Lab lab) {
            assertThat(linux).isSameAs(seen);
            assertThat(linux.lab()).isSameAs(lab);
        }
    }

    @TestKitOnly
    @LvsTest
    @AlsoOnLinux
    static class WithIpvs {
        @Test
        void addsAService(Lab lab) {
            lab.host("director").ipvs().add(tcp("192.168.0.101", 80));
        }
    }

    @Test
    void withoutLvsTestThereIsNoLabAndTheFailureSaysWhatToAdd() {
        assertThat(failures(WithoutLvsTest.class)).singleElement().satisfies(t -> assertThat(t)
                .hasMessageContaining("@AlsoOnLinux replays the lab that @LvsTest gives each test: annotate "
                        + WithoutLvsTest.class.getName() + " with @LvsTest as well"));
    }

    @Test
    void aTestThatFailsOnTheEngineIsNotReplayedAndFailsWithItsOwnFailure() {
        assertThat(failures(FailingOnTheEngine.class)).singleElement().satisfies(t -> {
            assertThat(t).isInstanceOf(AssertionError.class).hasMessage("the engine's own failure");
            // LvsExtension's evidence only: no replay's difference, no replay's reason to skip
            assertThat(t.getSuppressed()).noneMatch(s -> s instanceof TestAbortedException
                    || s.getMessage().startsWith("Linux disagrees"));
        });
    }

    @Test
    void theTestAndItsLifecycleMethodsShareOneReplayOfTheTestsLab() {
        Events tests = run(OneReplayPerTest.class);
        // passed, or aborted where Linux cannot be asked (not root): never failed
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.finished().count()).isOne();
    }

    @Test
    void whereLinuxCannotRunTheLabTheTestIsReportedSkippedWithTheReason() {
        Events tests = run(WithIpvs.class);
        // here: no ip_vs module (or no root); on a kernel with IPVS, as root, the replay runs and agrees
        assertThat(tests.failed().count()).isZero();
        assertThat(tests.finished().count()).isOne();
        tests.aborted().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .forEach(t -> assertThat(t).isInstanceOf(TestAbortedException.class).message().matches(
                        "the lab configures IPVS \\(director# ipvsadm -A -t 192\\.168\\.0\\.101:80\\) and .*"
                                + "|@AlsoOnLinux needs .*"));
    }

    private static List<Throwable> failures(Class<?> testClass) {
        return run(testClass).failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("lvsunit.testkit", "true")
                .selectors(selectClass(testClass))
                .execute()
                .testEvents();
    }
}
