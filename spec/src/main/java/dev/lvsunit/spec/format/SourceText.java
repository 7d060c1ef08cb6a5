package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A spec file as physical lines, remembering how to write it back byte for byte:
 * its line separator and whether it ends with one.
 *
 * @param name the name used in messages, usually the path as the user gave it
 * @param kind whether the whole file is a transcript or only its {@code lvs} blocks
 * @param lines the physical lines without separators
 * @param lineSeparator {@code "\n"} or {@code "\r\n"}, taken from the first line end
 * @param endsWithSeparator whether the last line is terminated
 */
public record SourceText(String name, Kind kind, List<String> lines, String lineSeparator,
                         boolean endsWithSeparator) {

    /** How the transcript is embedded in the file. */
    public enum Kind {
        /** {@code NAME.lvs}: the whole file is the transcript. */
        LVS,
        /** {@code NAME.md}: the fenced blocks with info string {@code lvs}, joined. */
        MARKDOWN;

        /** The kind a file name implies: {@code .md} is Markdown, anything else a transcript. */
        public static Kind of(String fileName) {
            return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? MARKDOWN : LVS;
        }
    }

    public SourceText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        lines = List.copyOf(lines);
    }

    /** Splits a file's text into physical lines. */
    public static SourceText of(String name, String text) {
        int firstEnd = text.indexOf('\n');
        String separator = firstEnd > 0 && text.charAt(firstEnd - 1) == '\r' ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                lines.add(text.substring(start));
                start = text.length();
                break;
            }
            String line = text.substring(start, end);
            if (separator.equals("\r\n") && line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            lines.add(line);
            start = end + 1;
        }
        boolean terminated = text.isEmpty() || text.endsWith("\n");
        return new SourceText(name, Kind.of(name), lines, separator, terminated);
    }

    /** Joins physical lines the way this file was written. */
    public String render(List<String> newLines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < newLines.size(); i++) {
            out.append(newLines.get(i));
            if (i < newLines.size() - 1 || endsWithSeparator) {
                out.append(lineSeparator);
            }
        }
        return out.toString();
    }

    /** This file's text, as read. */
    public String text() {
        return render(lines);
    }
}
