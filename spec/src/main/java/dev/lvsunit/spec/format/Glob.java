package dev.lvsunit.spec.format;

import java.util.regex.Pattern;

/**
 * The {@code (glob)} wildcard language: {@code *} matches any run of
 * characters, {@code ?} any one character, {@code \*} {@code \?} {@code \\} the
 * character itself; a backslash before any other character is itself.
 */
public final class Glob {

    private Glob() {
    }

    /** Compiles a glob into a regular expression matching whole lines. */
    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length() && "*?\\".indexOf(glob.charAt(i + 1)) >= 0) {
                literal.append(glob.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(literal, regex);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Escapes {@code \}, {@code *} and {@code ?} so that a glob matches {@code text} literally. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '?') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
