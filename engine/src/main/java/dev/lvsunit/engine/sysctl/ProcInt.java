package dev.lvsunit.engine.sysctl;

/**
 * Parses the text written to an integer proc file as {@code proc_dointvec}
 * does ({@code proc_get_long}): optional leading white space, an optional
 * minus sign, a number in C notation ({@code 0x} hex, leading {@code 0}
 * octal, else decimal), then only white space. Values outside {@code int}
 * are refused.
 */
final class ProcInt {

    private ProcInt() {
    }

    /** The value, or {@code null} where the kernel answers EINVAL. */
    static Integer parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        if (s.charAt(0) == '-') {
            negative = true;
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.charAt(0) == '0') {
            radix = 8;
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 24) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0) {
                return null;
            }
            value = value * radix + digit;
            if (value > (long) Integer.MAX_VALUE + 1) {
                return null;
            }
        }
        if (negative) {
            value = -value;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            return null;
        }
        return (int) value;
    }
}
