package dev.lvsunit.spec.format;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One line of an output block, read as the spec format defines it.
 * Every form compares against an actual line whose trailing spaces are removed.
 */
public sealed interface ExpectedLine {

    /** The line as written in the spec, without trailing spaces. */
    String source();

    /** Whether this line accepts one actual line. {@link Ellipsis} accepts any. */
    boolean matches(String actual);

    /** A line compared as it is. */
    record Literal(String source) implements ExpectedLine {
        @Override
        public boolean matches(String actual) {
            return source.equals(stripTrailingSpaces(actual));
        }
    }

    /** {@code TEXT (re)}: a Java regular expression matching the whole line. */
    record Regex(String source, Pattern pattern) implements ExpectedLine {
        @Override
        public boolean matches(String actual) {
            return pattern.matcher(stripTrailingSpaces(actual)).matches();
        }
    }

    /** {@code TEXT (glob)}: see {@link Glob}. */
    record Wildcard(String source, Pattern pattern) implements ExpectedLine {
        @Override
        public boolean matches(String actual) {
            return pattern.matcher(stripTrailingSpaces(actual)).matches();
        }
    }

    /**
     * {@code TEXT (unordered)}: one of a run of consecutive lines that match
     * as many actual lines in any order; TEXT is itself a literal, glob or
     * regex line. For output that real networks print in no fixed order, such
     * as the replies of several hosts to one broadcast.
     */
    record Unordered(String source, ExpectedLine base) implements ExpectedLine {
        @Override
        public boolean matches(String actual) {
            return base.matches(actual);
        }
    }

    /** {@code ...}: zero or more whole lines. */
    record Ellipsis() implements ExpectedLine {
        @Override
        public String source() {
            return ELLIPSIS;
        }

        @Override
        public boolean matches(String actual) {
            return true;
        }
    }

    /** The suffix of a regular-expression line. */
    String RE_SUFFIX = " (re)";
    /** The suffix of a glob line. */
    String GLOB_SUFFIX = " (glob)";
    /** The suffix of a line whose run may match in any order. */
    String UNORDERED_SUFFIX = " (unordered)";
    /** The line that matches zero or more lines. */
    String ELLIPSIS = "...";

    /**
     * Reads one output-block line.
     *
     * @throws PatternSyntaxException for a {@code (re)} line that is not a
     *     valid Java regular expression
     */
    static ExpectedLine parse(String line) {
        String text = stripTrailingSpaces(line);
        if (text.equals(ELLIPSIS)) {
            return new Ellipsis();
        }
        if (text.endsWith(UNORDERED_SUFFIX)) {
            ExpectedLine base = parse(text.substring(0, text.length() - UNORDERED_SUFFIX.length()));
            if (!(base instanceof Ellipsis) && !(base instanceof Unordered)) {
                return new Unordered(text, base);
            }
        }
        if (text.endsWith(RE_SUFFIX)) {
            return new Regex(text, Pattern.compile(text.substring(0, text.length() - RE_SUFFIX.length())));
        }
        if (text.endsWith(GLOB_SUFFIX)) {
            String glob = stripTrailingSpaces(text.substring(0, text.length() - GLOB_SUFFIX.length()));
            return new Wildcard(text, Glob.compile(glob));
        }
        return new Literal(text);
    }

    /** Removes trailing spaces (only spaces: the format ignores those on both sides). */
    static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
