package dev.lvsunit.dsl;

import java.util.List;
import java.util.regex.Pattern;

/** Quoting words for a POSIX shell command line, as a person would type them. */
public final class Shells {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shells() {
    }

    /** {@code word} as one shell word: as it is when nothing in it is special, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words joined into one command line that splits back into them. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
