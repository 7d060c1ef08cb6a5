package dev.lvsunit.spec.format;

/**
 * One line of the transcript, with where it sits in the file.
 *
 * @param index the physical line's index in the file, from 0
 * @param text the line as the transcript reads it (for Markdown, without the
 *     fence's indentation)
 * @param indent the indentation removed from the physical line (Markdown
 *     fences indented by up to three spaces); new lines written into the same
 *     block get it back
 */
public record TranscriptLine(int index, String text, String indent) {

    /** The 1-based line number in the file, for messages. */
    public int number() {
        return index + 1;
    }
}
