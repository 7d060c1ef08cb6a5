package dev.lvsunit.spec;

import dev.lvsunit.spec.format.Problem;
import dev.lvsunit.spec.format.SourceText;
import dev.lvsunit.spec.format.Step;
import dev.lvsunit.spec.format.Transcript;
import dev.lvsunit.spec.format.TranscriptParser;
import dev.lvsunit.spec.format.TranscriptSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed spec file: an {@code .lvs} transcript, or the {@code lvs} blocks of
 * a Markdown file joined into one transcript (see spec-format.md).
 *
 * <p>Parsing resolves everything the format leaves implicit: {@code HOST} in
 * {@code @lan} means {@code HOST:eth0}; an interface without {@code =MAC} gets
 * {@code 02:00:00:00:HH:II}, HH the host's number in order of first appearance
 * in the file (in {@code @lan} members and as command prefixes), II the
 * interface's number in order of creation on its host. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * Spec spec = Spec.read(Path.of("samples/lvs-dr.md"));
 * SpecResult result = new SpecRunner(backend).run(spec);
 * }</pre>
 */
public final class Spec {

    private final SourceText source;
    private final Path file;
    private final boolean hasTranscript;
    private final Transcript transcript;

    private Spec(SourceText source, Path file) {
        this.source = source;
        this.file = file;
        TranscriptSource lines = TranscriptSource.of(source);
        this.hasTranscript = lines.hasBlocks();
        TranscriptParser.Result result = TranscriptParser.parse(lines);
        if (!result.problems().isEmpty()) {
            throw new SpecSyntaxException(result.problems().stream()
                    .map((Problem p) -> new SpecSyntaxException.Error(source.name(), p.line(), p.message()))
                    .toList());
        }
        this.transcript = result.transcript();
    }

    /**
     * Reads and parses a spec file ({@code .md} as Markdown, anything else as a
     * transcript). Its name in messages is the path as given.
     *
     * @throws IOException if the file cannot be read
     * @throws SpecSyntaxException if it does not follow the format
     */
    public static Spec read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return new Spec(SourceText.of(file.toString(), text), file);
    }

    /**
     * Parses a spec from text.
     *
     * @param name the name for messages; a name ending in {@code .md} means Markdown
     * @param text the file's content
     * @throws SpecSyntaxException if it does not follow the format
     */
    public static Spec parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        return new Spec(SourceText.of(name, text), null);
    }

    /** The name used in messages: the path as given, or the name passed to {@link #parse}. */
    public String name() {
        return source.name();
    }

    /** The file this spec was read from; empty for {@link #parse parsed text}. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The text this spec was parsed from. */
    public String text() {
        return source.text();
    }

    /**
     * False for a Markdown file without any {@code lvs} block: such a file is
     * not a spec and tools skip it. Always true for {@code .lvs} files.
     */
    public boolean hasTranscript() {
        return hasTranscript;
    }

    /** The hosts the spec names, in order of first appearance. */
    public List<String> hosts() {
        return transcript.hosts();
    }

    /** How many commands and {@code @tcpdump} directives the spec checks. */
    public int checkCount() {
        return (int) transcript.steps().stream().filter(s -> s instanceof Step.Checked).count();
    }

    SourceText source() {
        return source;
    }

    Transcript transcript() {
        return transcript;
    }

    @Override
    public String toString() {
        return "Spec[" + name() + "]";
    }
}
