package dev.lvsunit.tools.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ipvsadm 1.31's command line: errors and exit statuses of
 * command-output.md §1.6 (parser {@code fail()} exits 2, popt errors and
 * kernel refusals 255) and the listing formats of §1.1-1.5.
 */
class IpvsadmTest {

    Lab lab;

    @BeforeEach
    void setUp() {
        lab = new Lab();
        lab.host("director", "192.168.0.2/24");
    }

    Execution run(String line) {
        return lab.run("director", line);
    }

    @Test
    void commandTableRowsCoverEveryOption() {
        for (String row : Ipvsadm.COMMANDS_V_OPTIONS) {
            assertThat(row).hasSize(Ipvsadm.OPT_NAMES.length);
        }
        assertThat(Ipvsadm.COMMANDS_V_OPTIONS).hasSize(Ipvsadm.CMD_NAMES.length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ipvsadm -a -t 192.168.0.101:80|You need to supply the 'real-server' option for the 'add-server' command|2",
        "ipvsadm -A -t 192.168.0.101:80 -r 10.0.0.11|Illegal 'real-server' option with the 'add-service' command|2",
        "ipvsadm -A -t 192.168.0.101:0|Zero port specified for non-persistent service|2",
        "ipvsadm -A -t 300.1.1.1:80|illegal virtual server address[:port] specified|2",
        "ipvsadm -a -t 192.168.0.101:80 -r 10.0.0.11 -w 70000|illegal weight specified|2",
        "ipvsadm -A -t 192.168.0.101:80 -p abc|invalid timeout value `abc' specified|2",
        "ipvsadm -A -f 0|invalid fwmark value `0' specified|2",
        "ipvsadm -A -t 192.168.0.101:80 -D -t 192.168.0.101:80|multiple commands specified|2",
        "ipvsadm -A -t 192.168.0.101:80 -s rr -s wlc|multiple 'scheduler' options specified|2",
        "ipvsadm -L -c --stats|options conflicts in the list command|2",
        "ipvsadm --set 10 20|--set option requires 3 timeout values|2",
        "ipvsadm -A -t 192.168.0.101:53 -o|One-Packet Scheduling is only for UDP virtual services|2",
        "ipvsadm -a -t 192.168.0.101:80 -r 10.0.0.11 -m --tun-type gue|Tunnel options conflict with forward method|2",
        "ipvsadm -L -c -t 192.168.0.101:80|The option 'service-address' conflicts with the 'connection' option in the 'list' command|2",
        "ipvsadm -L --bogus|--bogus: unknown option|255",
        "ipvsadm --bogus|Try `ipvsadm -h' or 'ipvsadm --help' for more information.|255",
        "ipvsadm -n -L|Try `ipvsadm -h' or 'ipvsadm --help' for more information.|255",
        "ipvsadm -L -n extra|unexpected argument extra|2",
        "ipvsadm -A -t 192.168.0.101:80 -s foo|Scheduler or persistence engine not found|255",
        "ipvsadm -D -t 192.168.0.200:80|No such service|255",
        "ipvsadm -E -t 192.168.0.200:80 -s rr|No such service|255",
        "ipvsadm -a -t 192.168.0.200:80 -r 10.0.0.11|Service not defined|255",
        "ipvsadm -L -n -t 192.168.0.200:80|No such service|1",
        "ipvsadm -A -t 192.168.0.101:80 -b sh-port -s rr|incompatible scheduler flag `sh-port'|2",
    })
    void errors(String line, String message, int status) {
        Execution e = run(line);
        assertThat(e.output()).isEqualTo(message + "\n");
        assertThat(e.exitStatus()).isEqualTo(status);
    }

    @Test
    void kernelRefusalsOnExistingObjects() {
        run("ipvsadm -A -t 192.168.0.101:80 -s rr");
        run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.11");
        assertThat(run("ipvsadm -A -t 192.168.0.101:80 -s rr").output()).isEqualTo("Service already exists\n");
        Execution e = run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.11");
        assertThat(e.output()).isEqualTo("Destination already exists\n");
        assertThat(e.exitStatus()).isEqualTo(255);
        assertThat(run("ipvsadm -d -t 192.168.0.101:80 -r 192.168.0.99").output()).isEqualTo("No such destination\n");
        assertThat(run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.12 -x 1 -y 5").output())
                .isEqualTo("Numerical result out of range\n");
    }

    @Test
    void emptyTable() {
        Execution e = run("ipvsadm -Ln");
        assertThat(e.output()).isEqualTo("IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        assertThat(run("ipvsadm").output()).isEqualTo(e.output());
    }

    /** command-output.md §1.1: the example table, services and real servers sorted. */
    @Test
    void listingOfEveryKind() {
        run("ipvsadm -A -t 192.168.0.101:80 -s wlc");
        run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.12 -g -w 1");
        run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.11 -g -w 2");
        run("ipvsadm -A -t 192.168.0.102:443 -s rr -p -M 255.255.255.0");
        run("ipvsadm -a -t 192.168.0.102:443 -r 10.0.0.21:8443 -i");
        run("ipvsadm -A -u 192.168.0.103:53 -s sh -b sh-fallback,sh-port");
        run("ipvsadm -a -u 192.168.0.103:53 -r 10.0.0.31:5353 -m");
        run("ipvsadm -A -f 10 -s wrr");
        run("ipvsadm -a -f 10 -r 192.168.0.11 -g");
        assertThat(run("ipvsadm -L -n").output()).isEqualTo(""
                + "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n"
                + "TCP  192.168.0.101:80 wlc\n"
                + "  -> 192.168.0.11:80              Route   2      0          0         \n"
                + "  -> 192.168.0.12:80              Route   1      0          0         \n"
                + "TCP  192.168.0.102:443 rr persistent 360 mask 255.255.255.0\n"
                + "  -> 10.0.0.21:443                Tunnel  1      0          0         \n"
                + "UDP  192.168.0.103:53 sh (sh-fallback,sh-port)\n"
                + "  -> 10.0.0.31:5353               Masq    1      0          0         \n"
                + "FWM  10 wrr\n"
                + "  -> 192.168.0.11:0               Route   1      0          0         \n");
        assertThat(run("ipvsadm -S -n").output()).isEqualTo(""
                + "-A -t 192.168.0.101:80 -s wlc\n"
                + "-a -t 192.168.0.101:80 -r 192.168.0.11:80 -g -w 2\n"
                + "-a -t 192.168.0.101:80 -r 192.168.0.12:80 -g -w 1\n"
                + "-A -t 192.168.0.102:443 -s rr -p 360 -M 255.255.255.0\n"
                + "-a -t 192.168.0.102:443 -r 10.0.0.21:443 -i -w 1 --tun-type ipip\n"
                + "-A -u 192.168.0.103:53 -s sh -b sh-fallback,sh-port\n"
                + "-a -u 192.168.0.103:53 -r 10.0.0.31:5353 -m -w 1\n"
                + "-A -f 10 -s wrr\n"
                + "-a -f 10 -r 192.168.0.11:0 -g -w 1\n");
        assertThat(run("ipvsadm -L").output()).contains("TCP  192.168.0.101:http wlc\n",
                "  -> 192.168.0.11:http            Route   2      0          0         \n",
                "UDP  192.168.0.103:domain sh (sh-fallback,sh-port)\n");
    }

    /** libipvs compares addresses by int subtraction: 10.0.0.1 - 192.168.0.1 overflows and sorts after. */
    @Test
    void sortingWrapsAround() {
        run("ipvsadm -A -t 192.168.0.1:80");
        run("ipvsadm -A -t 10.0.0.1:80");
        assertThat(run("ipvsadm -Ln").output()).containsSubsequence("TCP  192.168.0.1:80", "TCP  10.0.0.1:80");
        assertThat(run("ipvsadm -Ln --nosort").output()).containsSubsequence("TCP  192.168.0.1:80", "TCP  10.0.0.1:80");
    }

    @Test
    void thresholdsAndPersistentConnViews() {
        run("ipvsadm -A -t 192.168.0.101:80 -p");
        run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.11 -x 100 -y 50");
        assertThat(run("ipvsadm -L -n --thresholds").output()).isEqualTo(""
                + "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port            Uthreshold Lthreshold ActiveConn InActConn \n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  192.168.0.101:80 wlc persistent 360\n"
                + "  -> 192.168.0.11:80              100        50         0          0         \n");
        assertThat(run("ipvsadm -L -n --persistent-conn").output()).isEqualTo(""
                + "IP Virtual Server version 1.2.1 (size=4096)\n"
                + "Prot LocalAddress:Port            Weight    PersistConn ActiveConn InActConn \n"
                + "  -> RemoteAddress:Port\n"
                + "TCP  192.168.0.101:80 wlc persistent 360\n"
                + "  -> 192.168.0.11:80              1         0           0          0         \n");
    }

    /** ipvsadm --set: 0 keeps a value; ipvs.md §6.5. */
    @Test
    void timeouts() {
        assertThat(run("ipvsadm -L --timeout").output()).isEqualTo("Timeout (tcp tcpfin udp): 900 120 300\n");
        assertThat(run("ipvsadm --set 3600 0 0").output()).isEmpty();
        assertThat(run("ipvsadm -L --timeout").output()).isEqualTo("Timeout (tcp tcpfin udp): 3600 120 300\n");
        assertThat(run("ipvsadm -L --daemon").output()).isEmpty();
    }

    /** -E without -s puts the default scheduler back; -e without -m makes a NAT server DR again. */
    @Test
    void editResetsWhatItIsNotGiven() {
        run("ipvsadm -A -t 192.168.0.101:80 -s rr -p 60");
        run("ipvsadm -E -t 192.168.0.101:80");
        assertThat(run("ipvsadm -Ln").output()).contains("TCP  192.168.0.101:80 wlc\n");
        run("ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.11 -m -w 3");
        run("ipvsadm -e -t 192.168.0.101:80 -r 192.168.0.11 -w 4");
        assertThat(run("ipvsadm -Ln").output()).contains("  -> 192.168.0.11:80              Route   4");
    }

    @Test
    void version() {
        assertThat(run("ipvsadm --version").output())
                .isEqualTo("ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n");
    }
}
