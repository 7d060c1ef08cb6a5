package dev.lvsunit.tools.ip;

import java.util.regex.Pattern;

/** {@code fnmatch(pattern, name, 0)}: {@code *}, {@code ?}, {@code [...]} and backslash escapes. */
final class Glob {

    private Glob() {
    }

    static boolean matches(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '[') {
                int end = pattern.indexOf(']', i + 2);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    re.append(bracket(pattern.substring(i + 1, end)));
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), name);
    }

    /**
     * A bracket expression's inside as a regex class, each character written as
     * a code ({@code \x{..}}) so that nothing in it is regex syntax: {@code [!..]}
     * negates, {@code a-z} is a range, and a range whose end comes before its
     * start matches nothing (as in glibc), instead of being a syntax error.
     */
    private static String bracket(String set) {
        boolean negate = set.startsWith("!") || set.startsWith("^");
        String members = negate ? set.substring(1) : set;
        StringBuilder cls = new StringBuilder();
        for (int k = 0; k < members.length(); k++) {
            char lo = members.charAt(k);
            if (lo == '\\' && k + 1 < members.length()) {
                lo = members.charAt(++k);
            }
            if (k + 2 < members.length() && members.charAt(k + 1) == '-') {
                char hi = members.charAt(k + 2);
                k += 2;
                if (lo <= hi) {
                    cls.append(code(lo)).append('-').append(code(hi));
                }
            } else {
                cls.append(code(lo));
            }
        }
        if (cls.length() == 0) {
            return negate ? "." : "(?!)";
        }
        return (negate ? "[^" : "[") + cls + "]";
    }

    private static String code(char c) {
        return "\\x{" + Integer.toHexString(c) + "}";
    }
}
