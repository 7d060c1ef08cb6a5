package dev.lvsunit.engine.sysctl;

import java.util.Optional;

/**
 * The text written to an integer proc file, parsed as the kernel parses it
 * for a one-element vector ({@code __do_proc_dointvec} in
 * {@code kernel/sysctl.c}):
 * <ol>
 * <li>{@code proc_skip_spaces}: leading white space is skipped; nothing left
 * is EINVAL;</li>
 * <li>{@code proc_get_long}: an optional {@code -}, then a number in C
 * notation ({@code 0x} hex when a hex digit follows, a leading {@code 0}
 * octal, else decimal; no {@code +}), read from at most 21 characters, up to
 * the largest unsigned long;</li>
 * <li>the number must end the text or be followed by a space, tab or
 * newline; whatever follows is left unwritten, and user space's retry of the
 * rest at a non-zero offset is ignored ({@code sysctl_writes_strict}), so
 * {@code "1 abc"} writes 1.</li>
 * </ol>
 * The magnitude is kept as an unsigned 64-bit value; the conversions of
 * {@link ProcConv} decide what fits.
 *
 * @param negative whether a minus sign came first
 * @param magnitude the number, unsigned
 */
record ProcInput(boolean negative, long magnitude) {

    /** {@code TMPBUFLEN - 1}: the longest number text {@code proc_get_long} looks at. */
    private static final int MAX_NUMBER_TEXT = 21;

    /** The value, or empty where the kernel answers EINVAL. */
    static Optional<ProcInput> parse(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        String rest = text.substring(i);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        String window = rest.length() > MAX_NUMBER_TEXT ? rest.substring(0, MAX_NUMBER_TEXT) : rest;
        int p = 0;
        boolean negative = false;
        if (window.charAt(0) == '-' && rest.length() > 1) {
            negative = true;
            p = 1;
        }
        if (p >= window.length() || !isDigit(window.charAt(p))) {
            return Optional.empty();
        }
        // _parse_integer_fixup_radix
        int radix = 10;
        if (window.charAt(p) == '0') {
            if (p + 2 < window.length() && Character.toLowerCase(window.charAt(p + 1)) == 'x'
                    && digit(window.charAt(p + 2), 16) >= 0) {
                radix = 16;
                p += 2;
            } else {
                radix = 8;
            }
        }
        long value = 0;
        int digits = 0;
        while (p < window.length()) {
            int d = digit(window.charAt(p), radix);
            if (d < 0) {
                break;
            }
            // _parse_integer: overflow of unsigned long makes kstrtoul fail
            long limit = Long.divideUnsigned(-1L - d, radix);
            if (Long.compareUnsigned(value, limit) > 0) {
                return Optional.empty();
            }
            value = value * radix + d;
            digits++;
            p++;
        }
        if (digits == 0) {
            return Optional.empty();
        }
        if (p == MAX_NUMBER_TEXT) {
            return Optional.empty();
        }
        if (p < rest.length()) {
            char next = rest.charAt(p);
            if (next != ' ' && next != '\t' && next != '\n') {
                return Optional.empty();
            }
        }
        return Optional.of(new ProcInput(negative, value));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    /** An ASCII digit of {@code radix}, or -1. */
    private static int digit(char c, int radix) {
        int d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            d = c - 'A' + 10;
        } else {
            return -1;
        }
        return d < radix ? d : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
