package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Writes a new output block from a command's actual output, for
 * {@code --update}.
 *
 * <ol>
 *   <li>If the old block matches (lines and exit status), it is kept as it is.</li>
 *   <li>Otherwise the old block is {@link Alignment aligned} with the output.
 *       Expected lines that matched are kept as written, so
 *       {@code time=* ms (glob)}, {@code (re)} lines and {@code ...} survive
 *       where they still match; every other actual line is written in, through
 *       the optional {@code recorder} (which may turn volatile fields into a
 *       glob); expected lines that matched nothing are dropped.</li>
 *   <li>{@code [N]} is written for a non-zero exit status.</li>
 *   <li>An actual line that would not read back as itself is written so that
 *       it does: {@code ...}, {@code [N]} and lines ending in {@code (re)} or
 *       {@code (glob)} as an escaped glob; lines that would read as a comment,
 *       directive, command or (in Markdown) a closing fence as a regular
 *       expression starting with a bracket; a blank last line (which the
 *       format would drop) as {@code " (glob)"}.</li>
 * </ol>
 * The new block always matches the output it was written from, so updating
 * twice gives the same file.
 */
public final class BlockWriter {

    private static final Pattern EXIT_LIKE = Pattern.compile("^\\[\\d+\\]$");
    /** An empty glob: matches an empty line, and is not blank, so a trailing one is kept. */
    static final String EMPTY_LINE = ExpectedLine.GLOB_SUFFIX;
    private static final String REGEX_METACHARACTERS = "\\.[]{}()*+?^$|";

    private BlockWriter() {
    }

    /**
     * The new lines of a block, without indentation, or {@code null} when the
     * old block matches and stays as it is.
     *
     * @param block the old block
     * @param actual the actual output lines
     * @param actualExit the actual exit status
     * @param recorder turns an actual line into the expected line to write;
     *     identity for literal recording
     * @param markdown whether the block lives in a Markdown fence
     */
    public static List<String> write(OutputBlock block, List<String> actual, int actualExit,
                                     UnaryOperator<String> recorder, boolean markdown) {
        Alignment alignment = Alignment.of(block.expected(), actual);
        if (alignment.matches() && block.exitStatus() == actualExit) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int ellipsisWritten = -1;
        for (Alignment.Op op : alignment.ops()) {
            switch (op.kind()) {
                case MATCH -> out.add(block.lines().get(op.expected()).text());
                case ABSORB, ELLIPSIS -> {
                    if (ellipsisWritten != op.expected()) {
                        out.add(block.lines().get(op.expected()).text());
                        ellipsisWritten = op.expected();
                    }
                }
                case DELETE -> {
                }
                case INSERT, SUBSTITUTE -> out.add(line(actual.get(op.actual()), recorder, markdown));
            }
        }
        if (actualExit != 0) {
            out.add("[" + actualExit + "]");
        } else {
            for (int i = out.size() - 1; i >= 0 && out.get(i).chars().allMatch(c -> c == ' '); i--) {
                out.set(i, EMPTY_LINE);
            }
        }
        return out;
    }

    /** The expected line to write for one actual line: it reads back as a line matching {@code actual}. */
    public static String line(String actual, UnaryOperator<String> recorder, boolean markdown) {
        String stripped = ExpectedLine.stripTrailingSpaces(actual);
        String candidate = ExpectedLine.stripTrailingSpaces(recorder.apply(actual));
        if (!TranscriptParser.isOutputLine(candidate) || (markdown && TranscriptSource.looksLikeFence(candidate))) {
            return regexLine(stripped);
        }
        ExpectedLine parsed = ExpectedLine.parse(candidate);
        if (candidate.equals(stripped)
                && (!(parsed instanceof ExpectedLine.Literal) || EXIT_LIKE.matcher(stripped).matches())) {
            candidate = Glob.escape(stripped) + ExpectedLine.GLOB_SUFFIX;
            parsed = ExpectedLine.parse(candidate);
        }
        return parsed.matches(actual) ? candidate : regexLine(stripped);
    }

    /**
     * A {@code (re)} line matching exactly {@code text}: regex metacharacters
     * escaped, and the first character in brackets when the line would
     * otherwise read as a comment, directive, command or fence.
     */
    static String regexLine(String text) {
        if (text.isEmpty()) {
            return EMPTY_LINE;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        String line = regex.toString();
        if (!TranscriptParser.isOutputLine(line) || TranscriptSource.looksLikeFence(line)) {
            // only letters, digits, ' ', '#', '@', '`' and '~' start such lines: none is special in a class
            line = "[" + line.charAt(0) + "]" + line.substring(1);
        }
        return line + ExpectedLine.RE_SUFFIX;
    }
}
