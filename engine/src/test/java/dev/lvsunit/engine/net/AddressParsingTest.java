package dev.lvsunit.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressParsingTest {

    @Test
    void ipv4RoundTrips() {
        assertThat(Ipv4Address.parse("192.168.0.101").toString()).isEqualTo("192.168.0.101");
        assertThat(Ipv4Address.parse("0.0.0.0").isAny()).isTrue();
        assertThat(Ipv4Address.parse("255.255.255.255").isLimitedBroadcast()).isTrue();
        assertThat(Ipv4Address.parse("127.0.0.5").isLoopback()).isTrue();
        assertThat(Ipv4Address.parse("224.0.0.1").isMulticast()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "300.1.1.1", "1.2.3.", ".1.2.3", "a.b.c.d", "1..2.3", "1.2.3.4 "})
    void ipv4RejectsWhatIsNotDottedQuad(String text) {
        assertThat(Ipv4Address.tryParse(text)).isNull();
        assertThatThrownBy(() -> Ipv4Address.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void macPrintsLowerForIproute2AndUpperForArping() {
        MacAddress mac = MacAddress.parse("02:00:0A:00:00:0b");
        assertThat(mac.toString()).isEqualTo("02:00:0a:00:00:0b");
        assertThat(mac.toUpperString()).isEqualTo("02:00:0A:00:00:0B");
        assertThat(MacAddress.parse("0:1c:42:d1:ae:d5").toString()).isEqualTo("00:1c:42:d1:ae:d5");
        assertThat(MacAddress.BROADCAST.isBroadcast()).isTrue();
        assertThat(MacAddress.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"02:00:00:00:00", "02:00:00:00:00:00:00", "02:00:00:00:00:0g", "020:0:0:0:0:0", "+2:0:0:0:0:0"})
    void macRejectsMalformedText(String text) {
        assertThat(MacAddress.tryParse(text)).isNull();
    }

    @Test
    void prefixKnowsItsSubnet() {
        Ipv4Prefix p = Ipv4Prefix.parse("192.168.0.8/24");
        assertThat(p.network().toString()).isEqualTo("192.168.0.0/24");
        assertThat(p.broadcastAddress().toString()).isEqualTo("192.168.0.255");
        assertThat(p.mask().toString()).isEqualTo("255.255.255.0");
        assertThat(p.contains(Ipv4Address.parse("192.168.0.101"))).isTrue();
        assertThat(p.contains(Ipv4Address.parse("192.168.1.1"))).isFalse();
        assertThat(Ipv4Prefix.parse("10.0.0.1").length()).isEqualTo(32);
        assertThat(Ipv4Prefix.lengthOfMask(Ipv4Address.parse("255.255.255.255"))).isEqualTo(32);
        assertThat(Ipv4Prefix.lengthOfMask(Ipv4Address.parse("255.0.255.0"))).isEqualTo(-1);
        assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.1/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
