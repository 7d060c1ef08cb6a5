package dev.lvsunit.junit;

import static dev.lvsunit.junit.DrTopology.VIP;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Lan;
import dev.lvsunit.dsl.Nic;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.engine.World;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@LvsTest(topology = DrTopology.class)
class LvsExtensionTest {

    @Named("director")
    Host director;
    @Named("rs1:eth0")
    Nic rs1Eth0;
    @Named
    Lab lab;

    private static final Set<Lab> SEEN = java.util.Collections.synchronizedSet(new HashSet<>());

    @Test
    void fieldsAndParametersGetTheTestsLab(Lab parameter, World world, Capture capture, @Named("net0") Lan net0,
                                           @Named("client") Host client) {
        assertThat(parameter).isSameAs(lab);
        assertThat(world).isSameAs(lab.world());
        assertThat(capture).isSameAs(lab.capture());
        assertThat(net0.members()).extracting(Nic::toString).containsExactly("client:eth0", "director:eth0", "rs1:eth0");
        assertThat(director.eth0().addresses()).hasSize(2);
        assertThat(rs1Eth0.mac()).hasToString("02:00:00:00:03:01");
        assertThat(client.lab()).isSameAs(lab);
    }

    @RepeatedTest(3)
    void everyTestGetsAFreshLab() {
        assertThat(SEEN.add(lab)).isTrue();
        assertThat(lab.capture().size()).isZero();
        DrTopology.whoHas(lab, VIP);
        assertThat(lab.capture().arpReplies().size()).isEqualTo(2);
    }

    @Test
    @LvsTest
    void aMethodAnnotationReplacesTheClassTopology(Lab empty) {
        assertThat(empty.lans()).isEmpty();
        assertThat(empty.world().hosts()).isEmpty();
    }

    @Nested
    class Nested_ {

        @Named("rs1")
        Host rs1;

        @BeforeEach
        void quietTheRealServer() {
            rs1.sysctl(dev.lvsunit.dsl.Sysctls.ARP_IGNORE.all(), 1);
        }

        @Test
        void aNestedClassUsesTheEnclosingTopologyAndItsOwnSetUp(Lab lab) {
            DrTopology.whoHas(lab, VIP);

            assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        }
    }
}
