package dev.lvsunit.tools.libc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** glibc's {@code inet_aton} ({@code resolv/inet_addr.c}), case by case. */
class InetAtonTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(quoteCharacter = '\'', value = {
        "10.0.0.1, 10.0.0.1",
        "10.1, 10.0.0.1",            // the last part fills the remaining bytes
        "10.1.2, 10.1.0.2",
        "1.2.65535, 1.2.255.255",
        "167772161, 10.0.0.1",
        "0x0a.0.0.1, 10.0.0.1",      // hex
        "0XA.0.0.1, 10.0.0.1",
        "012.0.0.1, 10.0.0.1",       // octal
        "0.0.0.0, 0.0.0.0",
        "4294967295, 255.255.255.255",
        "'10.0.0.1 trailing', 10.0.0.1",  // white space ends the address
        "'10.0.0.1\tx', 10.0.0.1",
    })
    void parses(String text, String expected) {
        assertThat(InetAton.inetAton(text)).contains(Ipv4Address.parse(expected));
    }

    @ParameterizedTest(name = "\"{0}\" is not an address")
    @CsvSource(quoteCharacter = '\'', value = {
        "''", "1.", ".1", "1..2", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "1.2.65536", "1.16777216",
        "4294967296", "08.0.0.1", "0x", "0x.1", "1.2.3.4x", "a.b.c.d", "-1", "' 10.0.0.1'", "10.0.0.1/24",
    })
    void refuses(String text) {
        assertThat(InetAton.inetAton(text)).isEmpty();
        assertThat(InetAton.inetAtonExact(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(quoteCharacter = '\'', value = {"'10.0.0.1 '", "'10.0.0.1 x'", "'10.1\n'"})
    void theExactFormAcceptsNothingAfterTheAddress(String text) {
        assertThat(InetAton.inetAton(text)).isNotEmpty();
        assertThat(InetAton.inetAtonExact(text)).isEqualTo(Optional.empty());
    }
}
