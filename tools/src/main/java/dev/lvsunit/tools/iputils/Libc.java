package dev.lvsunit.tools.iputils;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.libc.InetAton;
import dev.lvsunit.tools.spi.CommandContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C library and iputils helpers whose behaviour shows in the output:
 * {@code getaddrinfo}, {@code strtol_or_err},
 * {@code ping_strtod} and {@code printf("%g")}.
 */
final class Libc {

    private Libc() {
    }

    /**
     * {@code getaddrinfo} for a name that is not an address: the hosts file of
     * a fresh system knows {@code localhost}; nothing else resolves.
     */
    static Ipv4Address resolve(String name) {
        Ipv4Address a = InetAton.inetAtonExact(name).orElse(null);
        if (a != null) {
            return a;
        }
        return name.equals("localhost") ? Ipv4Address.of(127, 0, 0, 1) : null;
    }

    /**
     * iputils' {@code strtol_or_err}: a whole decimal number (leading blanks and
     * a sign allowed) between {@code min} and {@code max}, else
     * {@code PROG: MESSAGE: 'TEXT'} and exit 1.
     */
    static long strtolOrErr(CommandContext ctx, String program, String text, String message, long min, long max) {
        Matcher m = Pattern.compile("[ \\t\\n\\v\\f\\r]*([+-]?[0-9]+)").matcher(text);
        if (!m.matches()) {
            ctx.err().println(program + ": " + message + ": '" + text + "'");
            throw new ToolExit(1);
        }
        long value;
        try {
            value = Long.parseLong(m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1));
        } catch (NumberFormatException e) {
            ctx.err().println(program + ": " + message + ": '" + text + "': Numerical result out of range");
            throw new ToolExit(1);
        }
        if (value < min || value > max) {
            ctx.err().println(program + ": " + message + ": '" + text + "': out of range: " + min
                    + " <= value <= " + max);
            throw new ToolExit(1);
        }
        return value;
    }

    private static final Pattern DOUBLE_PREFIX = Pattern.compile(
            "[ \\t\\n\\v\\f\\r]*[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /**
     * iputils' {@code ping_strtod}: {@code strtod} in the C locale; trailing
     * garbage is warned about and ignored; an empty text or a value out of
     * range is {@code PROG: MESSAGE: TEXT}, exit 2.
     */
    static double pingStrtod(CommandContext ctx, String program, String text, String message) {
        if (text.isEmpty()) {
            ctx.err().println(program + ": " + message + ": ");
            throw new ToolExit(2);
        }
        Matcher m = DOUBLE_PREFIX.matcher(text);
        String rest;
        double value;
        if (m.lookingAt()) {
            value = Double.parseDouble(m.group().trim());
            rest = text.substring(m.end());
        } else if (text.matches("(?i)[ \\t]*[+-]?(inf|infinity|nan).*")) {
            throw new dev.lvsunit.tools.spi.NotSupportedException(program + " with a value of " + text);
        } else {
            value = 0;
            rest = text;
        }
        boolean range = Double.isInfinite(value);
        if (range || !rest.isEmpty()) {
            ctx.err().println(program + ": option argument contains garbage: " + rest);
            ctx.err().println(program + ": this will become fatal error in the future");
        }
        if (range) {
            ctx.err().println(program + ": " + message + ": " + text + ": Numerical result out of range");
            throw new ToolExit(2);
        }
        return value;
    }

    /** {@code printf("%g", (float) x)} for the loss percentage: six significant digits, no trailing zeros. */
    static String percent(double x) {
        double f = (float) x;
        if (f == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(f).round(new MathContext(6));
        String s = d.stripTrailingZeros().toPlainString();
        return s;
    }
}
