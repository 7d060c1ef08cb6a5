package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the transcript lines out of a {@link SourceText}: every line of an
 * {@code .lvs} file, or the contents of the {@code lvs} fenced code blocks of a
 * Markdown file, joined in order.
 *
 * <p>Fences follow CommonMark: an opening fence is three or more backticks or
 * tildes indented by at most three spaces; its info string's first word is the
 * language; the block ends at a fence of the same character, at least as long,
 * followed by nothing but spaces, or at the end of the file. Fences of other
 * languages are tracked too, so that an {@code lvs} fence quoted inside one is
 * not taken for a spec.
 *
 * @param lines the transcript lines in order
 * @param hasBlocks false for a Markdown file without any {@code lvs} block
 */
public record TranscriptSource(List<TranscriptLine> lines, boolean hasBlocks) {

    private static final Pattern OPENING = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");

    public TranscriptSource {
        lines = List.copyOf(lines);
    }

    /** The transcript lines of a file, according to its kind. */
    public static TranscriptSource of(SourceText source) {
        List<TranscriptLine> lines = new ArrayList<>();
        if (source.kind() == SourceText.Kind.LVS) {
            for (int i = 0; i < source.lines().size(); i++) {
                lines.add(new TranscriptLine(i, source.lines().get(i), ""));
            }
            return new TranscriptSource(lines, true);
        }
        boolean hasBlocks = false;
        List<String> physical = source.lines();
        int i = 0;
        while (i < physical.size()) {
            Matcher opening = OPENING.matcher(physical.get(i));
            if (!opening.matches() || (opening.group(2).charAt(0) == '`' && opening.group(3).contains("`"))) {
                i++;
                continue;
            }
            int indent = opening.group(1).length();
            String fence = opening.group(2);
            String info = opening.group(3).strip();
            boolean lvs = info.split("\\s+", 2)[0].equals("lvs");
            hasBlocks |= lvs;
            i++;
            while (i < physical.size() && !closes(physical.get(i), fence)) {
                if (lvs) {
                    String line = physical.get(i);
                    int removable = 0;
                    while (removable < indent && removable < line.length() && line.charAt(removable) == ' ') {
                        removable++;
                    }
                    lines.add(new TranscriptLine(i, line.substring(removable), " ".repeat(indent)));
                }
                i++;
            }
            i++; // the closing fence
        }
        return new TranscriptSource(lines, hasBlocks);
    }

    /** Whether a line closes a fence opened with {@code fence}. */
    private static boolean closes(String line, String fence) {
        int spaces = 0;
        while (spaces < line.length() && spaces < 4 && line.charAt(spaces) == ' ') {
            spaces++;
        }
        if (spaces > 3) {
            return false;
        }
        int run = spaces;
        while (run < line.length() && line.charAt(run) == fence.charAt(0)) {
            run++;
        }
        return run - spaces >= fence.length() && line.substring(run).chars().allMatch(c -> c == ' ');
    }

    /**
     * Whether a line, written inside a Markdown fence, would be taken for a
     * closing fence (so --update must not write it literally).
     */
    public static boolean looksLikeFence(String line) {
        return OPENING.matcher(line).matches();
    }
}
