package dev.lvsunit.dsl;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.ipvs.RealServer.realServer;
import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.ipvs.IpvsTable;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.dsl.ipvs.VirtualServer;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.net.Ipv4Address;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IpvsTest {

    static Lab cluster() {
        Lab lab = Lab.create();
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        Host rs2 = lab.host("rs2");
        lab.lan("net0", client, director, rs1, rs2);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        int n = 8;
        for (Host rs : new Host[] {rs1, rs2}) {
            rs.eth0().add("192.168.0." + n++ + "/24");
            rs.lo().add(addr("192.168.0.101/32").label("lo:0"));
            rs.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2);
            rs.serve(80, rs.name());
        }
        client.eth0().add("192.168.0.50/24");
        return lab;
    }

    @Test
    void aDirectRoutingServiceSpreadsRequestsAndTheTableShowsIt() {
        Lab lab = cluster();
        Host director = lab.host("director");
        VirtualServer web = director.ipvs().add(tcp("192.168.0.101", 80).scheduler(Scheduler.RR));
        web.add(realServer("192.168.0.8")).add(realServer("192.168.0.9", 8080));

        String first = lab.host("client").curl("http://192.168.0.101/").output();
        String second = lab.host("client").curl("http://192.168.0.101/").output();

        assertThat(first + second).contains("rs1\n").contains("rs2\n");
        IpvsTable.ServiceEntry service = web.entry();
        assertThat(service.scheduler()).isEqualTo("rr");
        // ipvsadm gives a direct-routing real server the service's port, whatever was asked
        assertThat(service.realServers()).extracting(IpvsTable.RealServerEntry::port).containsOnly(80);
        assertThat(service.realServers()).extracting(IpvsTable.RealServerEntry::forward).containsOnly(ForwardMethod.DROUTE);
        assertThat(director.ipvs().connections()).hasSize(2);
        assertThat(lab.transcript().render()).contains("""
                director# ipvsadm -A -t 192.168.0.101:80 -s rr
                director# ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.8 -g -w 1
                director# ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.9:8080 -g -w 1
                """);
    }

    @Test
    void ipvsadmErrorsAreIpvsadms() {
        Lab lab = cluster();
        var ipvs = lab.host("director").ipvs();
        ipvs.add(tcp("192.168.0.101", 80).persistent(Duration.ofSeconds(60)));

        assertThatThrownBy(() -> ipvs.add(tcp("192.168.0.101", 80)))
                .hasMessageEndingWith("director# ipvsadm -A -t 192.168.0.101:80\nService already exists\n[255]");
        assertThatThrownBy(() -> ipvs.service(tcp("192.168.0.101", 81)).add(realServer("192.168.0.8")))
                .hasMessageEndingWith("Service not defined\n[255]");
        assertThat(ipvs.table().services()).singleElement().satisfies(s -> {
            assertThat(s.persistence()).isEqualTo(60);
            assertThat(s.scheduler()).isEqualTo("wlc");
        });
        ipvs.clear();
        assertThat(ipvs.table().services()).isEmpty();
        assertThat(Ipv4Address.parse("192.168.0.101")).isNotNull();
    }
}
