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
                    String set = pattern.substring(i + 1, end);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    re.append('[').append(set.replace("\\", "\\\\")).append(']');
                    i = end;
                }
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.matches(re.toString(), name);
    }
}
