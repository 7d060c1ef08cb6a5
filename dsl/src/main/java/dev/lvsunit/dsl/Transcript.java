package dev.lvsunit.dsl;

import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.Volatility;
import dev.lvsunit.spec.format.BlockWriter;
import dev.lvsunit.spec.format.ExpectedLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Everything a {@link Lab} did, as the spec transcript a person would have
 * typed and seen: {@code @lan} lines, each command with its output, and
 * {@code @tcpdump} directives.
 *
 * <p>Replaying the transcript with {@code SpecRunner} on the engine builds the
 * same world: the lab creates hosts and interfaces in the order the transcript
 * names them and lets the clock run for the spec format's typing gap before
 * every step, as the engine backend does. Where the lab's MAC addresses are
 * not the ones the format would choose, the {@code @lan} member says so with
 * {@code HOST:IF=MAC}.
 *
 * <p>Two things have no transcript form: frames sent raw ({@link Nic#send})
 * and clock steps shorter than the typing gap outside commands (an
 * {@code eventually} that held after a few milliseconds). They appear as
 * comments, and {@link #isExact()} turns false.
 */
public final class Transcript {

    /** One step of the transcript. */
    public sealed interface Step permits Lan, Command, Tcpdump, Comment {
    }

    /** {@code @lan SEGMENT MEMBER...}, with each member's actual MAC. */
    public record Lan(String segment, List<Member> members) implements Step {
        public Lan {
            members = List.copyOf(members);
        }
    }

    /** One member of an {@code @lan} line. */
    public record Member(String host, String device, MacAddress mac) {
    }

    /** {@code HOST# COMMAND} and what it printed. */
    public record Command(String host, String commandLine, String output, int exitStatus) implements Step {
    }

    /** {@code @tcpdump SEGMENT ARGS...} and what it printed. */
    public record Tcpdump(String segment, List<String> arguments, String output, int exitStatus) implements Step {
        public Tcpdump {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A {@code #} comment.
     *
     * @param text the comment, one or more lines
     * @param inexact whether it stands for something the transcript cannot replay
     */
    public record Comment(String text, boolean inexact) implements Step {
    }

    private final List<Step> steps = new ArrayList<>();

    Transcript() {
    }

    void add(Step step) {
        steps.add(Objects.requireNonNull(step));
    }

    /** The steps so far, in order. */
    public List<Step> steps() {
        return Collections.unmodifiableList(new ArrayList<>(steps));
    }

    /** False when a step has no transcript form (a raw frame, a short clock step): replay then differs. */
    public boolean isExact() {
        return steps.stream().noneMatch(s -> s instanceof Comment c && c.inexact());
    }

    /**
     * The transcript as an {@code .lvs} file, every output line as the engine
     * printed it. Replayed on the engine, it passes.
     */
    public String render() {
        return render(false, false);
    }

    /**
     * The transcript with the fields that vary between runs on real hosts
     * (round-trip times, tcpdump timestamps, ping identifiers) written as
     * globs, as {@code ./lvsunit --update} records them: fit to commit as a
     * spec that also passes on the kernel backend.
     */
    public String renderPortable() {
        return render(true, false);
    }

    /**
     * The transcript as a Markdown spec: {@code title} as a heading, then one
     * {@code lvs} block.
     */
    public String renderMarkdown(String title) {
        return "# " + title + "\n\n```lvs\n" + render(true, true) + "```\n";
    }

    /** The transcript parsed as a spec named {@code name} ({@code .lvs} or {@code .md}). */
    public Spec toSpec(String name) {
        return Spec.parse(name, name.endsWith(".md") ? renderMarkdown(name) : render());
    }

    private String render(boolean portable, boolean markdown) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> hostNumbers = new LinkedHashMap<>();
        Map<String, Integer> interfaceCounts = new HashMap<>();
        for (Step step : steps) {
            if (step instanceof Lan lan) {
                out.append("@lan ").append(lan.segment());
                for (Member m : lan.members()) {
                    int host = hostNumbers.computeIfAbsent(m.host(), h -> hostNumbers.size() + 1);
                    int nic = interfaceCounts.merge(m.host(), 1, Integer::sum);
                    out.append(' ').append(m.host());
                    boolean defaultMac = host <= 0xff && nic <= 0xff && m.mac().equals(
                            MacAddress.parse(String.format("02:00:00:00:%02x:%02x", host, nic)));
                    if (!m.device().equals("eth0") || !defaultMac) {
                        out.append(':').append(m.device());
                    }
                    if (!defaultMac) {
                        out.append('=').append(m.mac());
                    }
                }
                out.append('\n');
            } else if (step instanceof Command c) {
                hostNumbers.computeIfAbsent(c.host(), h -> hostNumbers.size() + 1);
                out.append(c.host()).append("# ").append(c.commandLine()).append('\n');
                block(out, c.output(), c.exitStatus(), recorder(portable, c.commandLine()), markdown);
            } else if (step instanceof Tcpdump t) {
                String line = "@tcpdump " + String.join(" ", prepend(t.segment(), t.arguments()));
                out.append(line).append('\n');
                block(out, t.output(), t.exitStatus(), recorder(portable, line), markdown);
            } else if (step instanceof Comment c) {
                for (String l : c.text().split("\n", -1)) {
                    out.append(l.isEmpty() ? "#" : "# " + l).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static UnaryOperator<String> recorder(boolean portable, String commandLine) {
        return portable ? line -> Volatility.globify(commandLine, line) : UnaryOperator.identity();
    }

    /** The output block: each line written so that it reads back as itself, then {@code [N]}. */
    private static void block(StringBuilder out, String output, int exitStatus, UnaryOperator<String> recorder,
                              boolean markdown) {
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int lastNonBlank = lines.size() - 1;
        while (lastNonBlank >= 0 && lines.get(lastNonBlank).isBlank()) {
            lastNonBlank--;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i > lastNonBlank && exitStatus == 0) {
                // a trailing blank line would be dropped by the parser: an empty glob keeps it
                out.append(ExpectedLine.GLOB_SUFFIX).append('\n');
            } else {
                out.append(BlockWriter.line(line, recorder, markdown)).append('\n');
            }
        }
        if (exitStatus != 0) {
            out.append('[').append(exitStatus).append("]\n");
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
