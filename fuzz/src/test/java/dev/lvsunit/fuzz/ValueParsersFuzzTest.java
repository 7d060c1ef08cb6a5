package dev.lvsunit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import java.util.function.Function;

/**
 * The engine's value parsers: {@code parse} returns a value or throws
 * {@link IllegalArgumentException}, nothing else; {@code tryParse} never throws
 * and agrees with {@code parse}; a parsed value prints as text that parses back
 * to the same value; and only ASCII text parses (the tools read bytes: {@code ١}
 * is not a digit to {@code inet_aton}).
 */
class ValueParsersFuzzTest {

    // The dictionary holds text a byte mutator rarely spells: digits and spaces outside ASCII
    // (which Character.isDigit, Integer.parseInt and \s may take), signs and separators.

    @DictionaryEntries({"\u0663", "\uff11", "\u0661\u0662", "\u00a0", "\u2007", "+", "-", ".", ":", "/", "0x", "1e3"})
    @FuzzTest
    void ipv4Address(byte[] data) {
        String text = Answered.text(data);
        Ipv4Address tried = Ipv4Address.tryParse(text);
        Ipv4Address parsed = parseOrNull(Ipv4Address::parse, text);
        check(text, tried, parsed, Ipv4Address::parse);
    }

    @DictionaryEntries({"\u0663", "\uff11", "\u0661\u0662", "\u00a0", "\u2007", "+", "-", ".", ":", "/", "0x", "1e3"})
    @FuzzTest
    void macAddress(byte[] data) {
        String text = Answered.text(data);
        MacAddress tried = MacAddress.tryParse(text);
        MacAddress parsed = parseOrNull(MacAddress::parse, text);
        check(text, tried, parsed, MacAddress::parse);
    }

    @DictionaryEntries({"\u0663", "\uff11", "\u0661\u0662", "\u00a0", "\u2007", "+", "-", ".", ":", "/", "0x", "1e3"})
    @FuzzTest
    void ipv4Prefix(byte[] data) {
        String text = Answered.text(data);
        Ipv4Prefix parsed = parseOrNull(Ipv4Prefix::parse, text);
        check(text, parsed, parsed, Ipv4Prefix::parse);
    }

    private static <T> T parseOrNull(Function<String, T> parse, String text) {
        try {
            T value = parse.apply(text);
            if (value == null) {
                throw new AssertionError("parse returned null for \"" + text + "\"");
            }
            return value;
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("an error without a message for \"" + text + "\"", e);
            }
            return null;
        }
    }

    private static <T> void check(String text, T tried, T parsed, Function<String, T> parse) {
        if (tried == null ? parsed != null : !tried.equals(parsed)) {
            throw new AssertionError("tryParse gives " + tried + ", parse gives " + parsed + " for \"" + text + "\"");
        }
        if (parsed == null) {
            return;
        }
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new AssertionError("non-ASCII text parsed as " + parsed + ": \"" + text + "\"");
        }
        T again = parse.apply(parsed.toString());
        if (!again.equals(parsed)) {
            throw new AssertionError(parsed + " prints as \"" + parsed + "\", which parses as " + again);
        }
    }
}
