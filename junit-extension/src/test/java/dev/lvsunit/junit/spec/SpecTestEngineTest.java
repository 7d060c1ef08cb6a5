package dev.lvsunit.junit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class SpecTestEngineTest {

    private static final String PACKAGE = "dev/lvsunit/junit/spec/";

    @LvsSpecs(packages = "dev.lvsunit.junit.spec.good")
    static class GoodSpecs {
    }

    private static Events run(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new SpecTestEngine()).selectors(selectors).execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList();
    }

    private static String failure(Event e) {
        return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    @Test
    void aPackageSelectsItsSpecsAndMarkdownWithoutLvsBlocksIsNotOne() {
        Events events = run(selectPackage("dev.lvsunit.junit.spec.good"));

        events.assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(names(events.started())).containsExactly("src/test/resources/" + PACKAGE + "good/addresses.lvs",
                "src/test/resources/" + PACKAGE + "good/arp.md");
        assertThat(events.started().stream().map(e -> e.getTestDescriptor().getSource().orElseThrow()))
                .allMatch(s -> s instanceof ClasspathResourceSource);
    }

    @Test
    void anAnnotatedClassSelectsSpecsForBuildToolsThatOnlySelectClasses() {
        Events events = run(selectClass(GoodSpecs.class), selectClass(SpecTestEngineTest.class));

        events.assertStatistics(s -> s.started(2).succeeded(2));
        // under a container whose source is the class, so Surefire reports them under it
        assertThat(events.started().stream().map(e -> e.getTestDescriptor().getParent().orElseThrow().getSource()
                .orElseThrow())).allMatch(s -> s.equals(org.junit.platform.engine.support.descriptor.ClassSource.from(GoodSpecs.class)));
    }

    @Test
    void aSpecOfAnAnnotatedClassRunsAgainByItsUniqueId() {
        Event first = run(selectClass(GoodSpecs.class)).started().stream().findFirst().orElseThrow();

        Events again = run(selectUniqueId(first.getTestDescriptor().getUniqueId()));

        assertThat(names(again.started())).containsExactly(first.getTestDescriptor().getDisplayName());
    }

    @Test
    void aFailingSpecFailsWithItsDiffAtFileAndLine() {
        Events events = run(selectClasspathResource(PACKAGE + "bad/wrong-output.lvs"));

        events.assertStatistics(s -> s.started(1).failed(1));
        assertThat(failure(events.failed().stream().findFirst().orElseThrow())).isEqualTo("""
                FAIL src/test/resources/dev/lvsunit/junit/spec/bad/wrong-output.lvs
                  src/test/resources/dev/lvsunit/junit/spec/bad/wrong-output.lvs:3: a# cat /proc/sys/net/ipv4/conf/all/arp_ignore
                    --- expected
                    +++ actual
                    @@ -4,1 +1,1 @@
                    -1
                    +0""");
    }

    @Test
    void aMalformedSpecFailsWithItsSyntaxErrors() {
        Events events = run(selectClasspathResource(PACKAGE + "bad/malformed.lvs"));

        assertThat(failure(events.failed().stream().findFirst().orElseThrow()))
                .contains("src/test/resources/dev/lvsunit/junit/spec/bad/malformed.lvs:1: output line before any command or directive");
    }

    @Test
    void aDirectorySelectsTheSpecsOnDisk() {
        Events events = run(selectDirectory("src/test/resources/" + PACKAGE + "good"));

        events.assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(names(events.started())).allMatch(n -> n.startsWith("src/test/resources/"));
    }

    /** A backend named by configuration: the engine backend under another name. */
    public static final class RenamedBackend implements dev.lvsunit.spec.backend.Backend {
        @Override
        public String name() {
            return "renamed";
        }

        @Override
        public dev.lvsunit.spec.backend.Session open() {
            return new dev.lvsunit.spec.engine.EngineBackend().open();
        }
    }

    @Test
    void theBackendCanBeChosenByConfiguration() {
        Events events = EngineTestKit.engine(new SpecTestEngine())
                .configurationParameter(SpecTestEngine.BACKEND, RenamedBackend.class.getName())
                .selectors(selectClasspathResource(PACKAGE + "good/addresses.lvs")).execute().testEvents();

        events.assertStatistics(s -> s.succeeded(1));
        assertThat(events.reportingEntryPublished().stream().map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                .orElseThrow().getKeyValuePairs().get("lvsunit.spec"))).singleElement().asString().contains("on renamed");
    }

    @Test
    void anUnknownBackendFailsTheEngineWithItsName() {
        var results = EngineTestKit.engine(new SpecTestEngine())
                .configurationParameter(SpecTestEngine.BACKEND, "no.such.Backend")
                .selectors(selectClasspathResource(PACKAGE + "good/addresses.lvs")).execute();

        assertThat(results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("lvsunit.spec.backend=no.such.Backend: not a spec backend class");
    }

    @Test
    void aTestRunsAgainByItsUniqueId() {
        Event first = run(selectPackage("dev.lvsunit.junit.spec.good")).started().stream().findFirst().orElseThrow();

        Events again = run(selectUniqueId(first.getTestDescriptor().getUniqueId()));

        assertThat(names(again.started())).containsExactly(first.getTestDescriptor().getDisplayName());
        again.assertStatistics(s -> s.succeeded(1));
    }
}
