package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces output blocks in a file's physical lines, leaving every other line
 * (prose, fences, comments, blank separators) as it was.
 */
public final class Rewriter {

    /**
     * One block to replace.
     *
     * @param step the command or directive whose block is replaced
     * @param newLines the new block, without indentation
     */
    public record Replacement(Step.Checked step, List<String> newLines) {
        public Replacement {
            newLines = List.copyOf(newLines);
        }
    }

    private Rewriter() {
    }

    /**
     * The file's text with the given blocks replaced: the old block's lines are
     * removed wherever they were, and the new lines go right under the command,
     * with the command's indentation.
     */
    public static String rewrite(SourceText source, List<Replacement> replacements) {
        Set<Integer> removed = new HashSet<>();
        Map<Integer, List<String>> inserted = new HashMap<>();
        for (Replacement r : replacements) {
            for (TranscriptLine line : r.step().block().lines()) {
                removed.add(line.index());
            }
            String indent = r.step().line().indent();
            List<String> lines = new ArrayList<>();
            for (String line : r.newLines()) {
                lines.add(line.isEmpty() ? line : indent + line);
            }
            inserted.put(r.step().line().index(), lines);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < source.lines().size(); i++) {
            if (!removed.contains(i)) {
                out.add(source.lines().get(i));
            }
            out.addAll(inserted.getOrDefault(i, List.of()));
        }
        return source.render(out);
    }
}
