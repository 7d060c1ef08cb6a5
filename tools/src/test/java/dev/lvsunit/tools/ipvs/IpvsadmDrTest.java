package dev.lvsunit.tools.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.Test;

class IpvsadmDrTest {

    @Test
    void seedDemo() {
        Lab lab = Lab.dr();
        assertThat(lab.run("director", "ipvsadm -A -t 192.168.0.101:80 -s wlc").output()).isEmpty();
        lab.run("director", "ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.179 -g -w 2");
        lab.run("director", "ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.180 -g -w 1");
        System.out.print(lab.run("director", "ipvsadm -L -n").output());
        for (int i = 0; i < 4; i++) {
            Execution e = lab.run("client", "curl -s http://192.168.0.101/");
            System.out.print(e.exitStatus() + " " + e.output());
        }
        System.out.print(lab.run("director", "ipvsadm -L -n").output());
        System.out.print(lab.run("director", "ipvsadm -Lcn").output());
        System.out.print(lab.run("director", "ipvsadm -L -n --stats").output());
        lab.world.runFor(4_000_000_000L);
        System.out.print(lab.run("director", "ipvsadm -L -n --rate").output());
        System.out.print(lab.run("director", "ipvsadm -S -n").output());
        System.out.print(lab.run("director", "ipvsadm -L --timeout").output());
        System.out.print(lab.run("director", "ipvsadm -L -c --stats").output());
        System.out.print(lab.run("client", "curl http://192.168.0.101:81/").output());
    }
}
