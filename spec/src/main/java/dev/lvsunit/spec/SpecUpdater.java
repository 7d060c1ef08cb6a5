package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.format.BlockWriter;
import dev.lvsunit.spec.format.Rewriter;
import dev.lvsunit.spec.format.SourceText;
import dev.lvsunit.spec.format.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code --update}: rewrites a spec's output blocks from what its commands
 * actually printed.
 *
 * <p>For each command that ran:
 * <ol>
 *   <li>a block that matches stays exactly as written;</li>
 *   <li>otherwise the block is rewritten from the actual output, keeping every
 *       {@code (glob)}, {@code (re)} or {@code ...} line (and any literal line)
 *       that still matches the output line(s) it lines up with, and adding or
 *       removing {@code [N]};</li>
 *   <li>when {@link #recording recording} real hosts, new lines go through
 *       {@link Volatility#globify} so times and other varying fields become
 *       globs.</li>
 * </ol>
 * Only output blocks change: commands, comments, blank lines between blocks
 * and, in Markdown, all prose stay as they were. Steps that did not run (after
 * an error) keep their blocks. Updating twice with the same output gives the
 * same file.
 */
public final class SpecUpdater {

    private final boolean globify;

    private SpecUpdater(boolean globify) {
        this.globify = globify;
    }

    /** Writes actual output literally: for the deterministic engine. */
    public static SpecUpdater literal() {
        return new SpecUpdater(false);
    }

    /** Writes actual output with {@link Volatility volatile fields} as globs: for real hosts. */
    public static SpecUpdater recording() {
        return new SpecUpdater(true);
    }

    /** The spec's text with its output blocks updated from {@code result}. */
    public String rewrite(SpecResult result) {
        Spec spec = result.spec();
        SourceText source = spec.source();
        boolean markdown = source.kind() == SourceText.Kind.MARKDOWN;
        List<Step> steps = spec.transcript().steps();
        List<Rewriter.Replacement> replacements = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            CommandOutcome outcome = result.outcomes().get(i);
            if (outcome == null || !(steps.get(i) instanceof Step.Checked step)) {
                continue;
            }
            String commandLine = step instanceof Step.Command c ? c.commandLine() : step.line().text();
            UnaryOperator<String> recorder = globify ? line -> Volatility.globify(commandLine, line) : line -> line;
            List<String> lines = BlockWriter.write(step.block(), Outputs.lines(outcome.output()),
                    outcome.exitStatus(), recorder, markdown);
            if (lines != null) {
                replacements.add(new Rewriter.Replacement(step, lines));
            }
        }
        return replacements.isEmpty() ? source.text() : Rewriter.rewrite(source, replacements);
    }

    /**
     * Rewrites the spec's file in place when its text changes.
     *
     * @return whether the file changed
     * @throws IllegalArgumentException if the spec was not read from a file
     * @throws IOException if the file cannot be written
     */
    public boolean update(SpecResult result) throws IOException {
        Path file = result.spec().file().orElseThrow(
                () -> new IllegalArgumentException(result.spec().name() + " was not read from a file"));
        String text = rewrite(result);
        if (text.equals(result.spec().text())) {
            return false;
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return true;
    }
}
