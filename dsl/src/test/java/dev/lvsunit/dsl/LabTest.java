package dev.lvsunit.dsl;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.engine.EngineBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LabTest {

    private static Lab lvsDr() {
        Lab lab = Lab.create();
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        lab.lan("net0", client, director.eth0(), rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        rs1.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2);
        client.eth0().add("192.168.0.50/24");
        return lab;
    }

    @Test
    void aLanCreatesHostsAndInterfacesInOrderWithTheSpecFormatsMacs() {
        Lab lab = lvsDr();

        assertThat(lab.world().hosts()).extracting(h -> h.name()).containsExactly("client", "director", "rs1");
        assertThat(lab.host("client").eth0().mac()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
        assertThat(lab.host("director").eth0().mac()).isEqualTo(MacAddress.parse("02:00:00:00:02:01"));
        assertThat(lab.host("rs1").eth0().engine().segment().name()).isEqualTo("net0");
    }

    @Test
    void addressesGoThroughDevinetWithIproutesDefaults() {
        Lab lab = lvsDr();

        assertThat(lab.host("director").eth0().addresses()).extracting(IfAddr::label, a -> a.prefix().toString(), IfAddr::scope)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("eth0", "192.168.0.2/24", RtScope.UNIVERSE),
                        org.assertj.core.groups.Tuple.tuple("eth0:0", "192.168.0.101/32", RtScope.UNIVERSE));
        // ip addr add on lo without "scope host" gives scope global (kernel-surprises 1)
        assertThat(lab.host("rs1").lo().addresses()).extracting(IfAddr::label, IfAddr::scope)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lo", RtScope.HOST),
                        org.assertj.core.groups.Tuple.tuple("lo:0", RtScope.UNIVERSE));
    }

    @Test
    void sysctlsAreWrittenThroughTheProcTreeAndCombinedByTheKernel() {
        Lab lab = lvsDr();
        Host rs1 = lab.host("rs1");

        assertThat(rs1.readSysctl(ARP_IGNORE.all())).isEqualTo(1);
        assertThat(rs1.readSysctl(ARP_IGNORE.on("eth0"))).isZero();
        assertThat(rs1.engine().sysctl().effective(rs1.eth0().engine().inDevice(), DevConf.ARP_IGNORE)).isEqualTo(1);
    }

    @Test
    void everyStepTakesTheTypingGapOfTheSpecFormat() {
        Lab lab = lvsDr();

        // 7 commands (4 ip addr add, 2 sysctl -w, 1 ip addr add on the client); @lan takes no time
        assertThat(lab.now()).isEqualTo(Duration.ofNanos(7 * EngineBackend.COMMAND_GAP_NANOS));
    }

    @Test
    void theTranscriptIsWhatAPersonWouldHaveTyped() {
        Lab lab = lvsDr();

        assertThat(lab.transcript().render()).isEqualTo("""
                @lan net0 client director rs1
                director# ip addr add 192.168.0.2/24 dev eth0
                director# ip addr add 192.168.0.101/32 dev eth0 label eth0:0
                rs1# ip addr add 192.168.0.8/24 dev eth0
                rs1# ip addr add 192.168.0.101/32 dev lo label lo:0
                rs1# sysctl -w net.ipv4.conf.all.arp_ignore=1
                net.ipv4.conf.all.arp_ignore = 1
                rs1# sysctl -w net.ipv4.conf.all.arp_announce=2
                net.ipv4.conf.all.arp_announce = 2
                client# ip addr add 192.168.0.50/24 dev eth0
                """);
        assertThat(lab.transcript().isExact()).isTrue();
    }

    @Test
    void macsTheFormatWouldNotChooseAreWrittenOut() {
        Lab lab = Lab.create();
        Host a = lab.host("a");
        Host b = lab.host("b");
        lab.lan("net0", a.nic("eth1"), b.eth0().withMac("00:16:3e:00:00:01"));
        lab.lan("net1", a.eth0(), b.nic("eth1"));

        assertThat(a.nic("eth1").mac()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
        assertThat(lab.transcript().render()).isEqualTo("""
                @lan net0 a:eth1 b:eth0=00:16:3e:00:00:01
                @lan net1 a b:eth1
                """);
    }

    @Test
    void aRefusedStepThrowsWhatTheCommandWouldPrintAndStaysInTheTranscript() {
        Lab lab = lvsDr();
        Nic eth0 = lab.host("director").eth0();

        assertThatThrownBy(() -> eth0.add("192.168.0.2/24"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessage("""

                        director# ip addr add 192.168.0.2/24 dev eth0
                        Error: ipv4: Address already assigned.
                        [2]""");
        assertThat(lab.transcript().render()).endsWith("""
                director# ip addr add 192.168.0.2/24 dev eth0
                Error: ipv4: Address already assigned.
                [2]
                """);
    }

    @Test
    void sysctlErrorsAreSysctls() {
        Lab lab = lvsDr();
        Host rs1 = lab.host("rs1");

        assertThatThrownBy(() -> rs1.sysctl(ARP_IGNORE.on("eth9"), 1))
                .hasMessageContaining("sysctl: cannot stat /proc/sys/net/ipv4/conf/eth9/arp_ignore: No such file or directory")
                .hasMessageEndingWith("[1]");
    }

    @Test
    void badLiteralsAreRefusedWithTheirText() {
        Lab lab = Lab.create();

        assertThatThrownBy(() -> addr("192.168.0.300/24")).hasMessage("not an IPv4 address: \"192.168.0.300\"");
        assertThatThrownBy(() -> addr("192.168.0.3/33")).hasMessage("not a prefix length: \"192.168.0.3/33\"");
        assertThatThrownBy(() -> lab.host("9lives")).hasMessageStartingWith("not a host name: \"9lives\"");
        assertThatThrownBy(() -> SysctlKey.of("net.ipv4..x")).hasMessageStartingWith("not a sysctl key");
        assertThatThrownBy(() -> SysctlSetting.parse("net.ipv4.ip_forward=yes"))
                .hasMessage("not a sysctl setting: \"net.ipv4.ip_forward=yes\" (\"yes\" is not an integer)");
        assertThatThrownBy(() -> lab.host("a").eth0().withMac("01:00:5e:00:00:01"))
                .hasMessage("01:00:5e:00:00:01 is not a unicast MAC address");
    }

    @Test
    void aLabelMustBelongToItsDevice() {
        Lab lab = lvsDr();

        assertThatThrownBy(() -> lab.host("rs1").lo().add(addr("10.0.0.1/32").label("eth0:0")))
                .hasMessage("\"label\" (eth0:0) must match \"dev\" (lo) or be prefixed by \"dev\" with a colon.");
    }

    @Test
    void anInterfaceJoinsOneSegment() {
        Lab lab = lvsDr();

        assertThatThrownBy(() -> lab.lan("net1", lab.host("rs1")))
                .isInstanceOf(IllegalStateException.class).hasMessage("rs1:eth0 is already on segment net0");
        assertThatThrownBy(() -> lab.lan("net1", lab.host("rs1").lo()))
                .hasMessage("rs1:lo is the loopback interface and cannot join a segment");
        assertThatThrownBy(() -> lab.host("rs1").nic("eth5").add("10.0.0.1/8"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("rs1 has no eth5 yet");
    }

    @Test
    void clockStepsOutsideCommandsBecomeSleeps() {
        Lab lab = lvsDr();
        Host client = lab.host("client");

        lab.runFor(Duration.ofSeconds(3));
        client.run("cat /proc/sys/net/ipv4/conf/all/arp_ignore");
        lab.runFor(Duration.ofMillis(10));
        client.run("cat /proc/sys/net/ipv4/conf/all/arp_ignore");

        assertThat(lab.transcript().render()).endsWith("""
                client# sleep 2.95
                client# cat /proc/sys/net/ipv4/conf/all/arp_ignore
                0
                # lvsunit: the clock ran on for 10000000 ns here, which a transcript cannot express
                client# cat /proc/sys/net/ipv4/conf/all/arp_ignore
                0
                """);
        assertThat(lab.transcript().isExact()).isFalse();
    }

    @Test
    void routesGoThroughTheFibFrontendWithIproutesDefaults() {
        Lab lab = lvsDr();
        Host rs1 = lab.host("rs1");
        rs1.addRoute(Route.route("default").via("192.168.0.2"));

        assertThat(rs1.routes()).extracting(r -> r.destination().toString(), r -> r.scope(), r -> r.protocol())
                .contains(org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", RtScope.UNIVERSE, 3));
        assertThat(rs1.routeTo("10.1.2.3").device()).contains("eth0");
        assertThat(rs1.routeTo("10.1.2.3").source()).contains(Ipv4Address.parse("192.168.0.8"));
        assertThat(lab.host("client").routeTo("10.1.2.3").error()).isEqualTo(dev.lvsunit.engine.Errno.ENETUNREACH);
        assertThatThrownBy(() -> rs1.addRoute(Route.route("default").via("192.168.0.2")))
                .hasMessageEndingWith("rs1# ip route add default via 192.168.0.2\nRTNETLINK answers: File exists\n[2]");
        assertThatThrownBy(() -> rs1.addRoute(Route.route("10.0.0.0/8").dev("eth7")))
                .hasMessageEndingWith("Cannot find device \"eth7\"\n[1]");
    }

    @Test
    void hostsAreCreatedWhenAStepFirstNamesThem() {
        Lab lab = Lab.create();
        Host late = lab.host("late");
        Host early = lab.host("early");
        lab.lan("net0", early, late);

        assertThat(lab.world().hosts()).extracting(h -> h.name()).containsExactly("early", "late");
        assertThat(early.eth0().mac()).isEqualTo(MacAddress.parse("02:00:00:00:01:01"));
    }

    @Test
    void outputThatWouldReadAsSomethingElseIsWrittenSoItReadsBack() {
        Lab lab = Lab.create();
        Host h = lab.host("h");
        h.run("echo '# not a comment'");
        h.run("echo 'h# not a command'");
        h.run("echo '[3]'");

        assertThat(lab.transcript().render()).isEqualTo("""
                h# echo '# not a comment'
                [#] not a comment (re)
                h# echo 'h# not a command'
                [h]# not a command (re)
                h# echo '[3]'
                [3] (glob)
                """);
        assertThat(new SpecRunner(new EngineBackend()).run(lab.transcript().toSpec("echo.lvs")).passed()).isTrue();
    }

    @Test
    void commandsThatAreNotConfigurationReturnTheirStatus() {
        Lab lab = Lab.create();
        CommandResult r = lab.host("h").run("frobnicate --now");

        assertThat(r.exitStatus()).isEqualTo(127);
        assertThat(r.output()).isEqualTo("bash: frobnicate: command not found\n");
        assertThatThrownBy(r::orThrow).isInstanceOf(CommandFailedException.class)
                .hasMessageEndingWith("h# frobnicate --now\nbash: frobnicate: command not found\n[127]");
        assertThat(Ipv4Address.parse("1.2.3.4")).isNotNull();
    }
}
