package dev.lvsunit.spec.format;

import dev.lvsunit.spec.backend.LanMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads transcript lines into {@link Step steps}, as spec-format.md defines
 * them, and resolves what the format leaves implicit ({@code HOST} meaning
 * {@code HOST:eth0}, default MAC addresses).
 *
 * <p>Line kinds, tried in this order on each line:
 * <ol>
 *   <li>blank: empty or only spaces;</li>
 *   <li>comment: {@code #} at column 0, then a space or the end of the line;</li>
 *   <li>directive: {@code @} at column 0;</li>
 *   <li>command: {@code HOST# COMMAND} or {@code HOST$ COMMAND} at column 0, HOST
 *       matching {@code [A-Za-z][A-Za-z0-9_.-]*};</li>
 *   <li>output: anything else.</li>
 * </ol>
 *
 * <p>The parser does not stop at the first error: it reports every
 * {@link Problem} it finds, each with its file line.
 */
public final class TranscriptParser {

    private static final Pattern COMMAND = Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]*)[#$] (.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("^@(\\S*)(.*)$");
    private static final Pattern EXIT = Pattern.compile("^\\[(\\d+)\\]$");
    private static final Pattern MEMBER =
            Pattern.compile("^([A-Za-z][A-Za-z0-9_.-]*)(?::([^:=/\\s]+)(?:=(.*))?)?$");
    private static final Pattern MAC = Pattern.compile("^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}$");
    /** IFNAMSIZ - 1: the longest interface name Linux accepts (dev_valid_name). */
    private static final int MAX_IFNAME = 15;
    private static final String DEFAULT_DEVICE = "eth0";

    /**
     * The outcome of parsing.
     *
     * @param transcript the steps that could be read (incomplete when there are problems)
     * @param problems every syntax error, in file order; empty when the spec is valid
     */
    public record Result(Transcript transcript, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private enum Context { START, STEP, COMMENT }

    private final List<Problem> problems = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    /** Host name to its number, in order of first appearance (from 1). */
    private final Map<String, Integer> hosts = new LinkedHashMap<>();
    /** Interfaces created per host, in order of creation. */
    private final Map<String, Integer> interfaceCount = new HashMap<>();
    /** "host:dev" to the segment it joined. */
    private final Map<String, String> memberships = new HashMap<>();
    /** Segment name to the line that defined it. */
    private final Map<String, Integer> segments = new HashMap<>();

    private Pending pending;
    private Context context = Context.START;
    private boolean orphanReported;

    private TranscriptParser() {
    }

    /**
     * Whether a line standing in an output block is read as output, and not as
     * a comment, directive or command that would end the block.
     */
    public static boolean isOutputLine(String text) {
        return !(text.equals("#") || text.startsWith("# ") || text.startsWith("@")
                || COMMAND.matcher(text).matches());
    }

    /** Parses the transcript lines of one file. */
    public static Result parse(TranscriptSource source) {
        TranscriptParser parser = new TranscriptParser();
        for (TranscriptLine line : source.lines()) {
            parser.accept(line);
        }
        parser.finishPending();
        return new Result(new Transcript(parser.steps, List.copyOf(parser.hosts.keySet())), parser.problems);
    }

    private void accept(TranscriptLine line) {
        String text = line.text();
        if (isBlank(text)) {
            if (pending != null) {
                pending.output.add(line);
            }
            return;
        }
        boolean output = false;
        if (text.equals("#") || text.startsWith("# ")) {
            finishPending();
            context = Context.COMMENT;
        } else if (text.startsWith("@")) {
            finishPending();
            directive(line);
        } else if (COMMAND.matcher(text).matches()) {
            finishPending();
            command(line);
        } else if (pending != null) {
            pending.output.add(line);
            output = true;
        } else {
            output = true;
            if (!orphanReported) {
                problems.add(new Problem(line.number(), context == Context.COMMENT
                        ? "output line under a comment: a comment ends the output block above it, "
                                + "so this line belongs to no command"
                        : "output line before any command or directive"));
            }
        }
        orphanReported = output && pending == null;
    }

    private static boolean isBlank(String text) {
        return text.chars().allMatch(c -> c == ' ');
    }

    private void command(TranscriptLine line) {
        Matcher m = COMMAND.matcher(line.text());
        m.matches();
        String host = m.group(1);
        String commandLine = m.group(2).strip();
        hostNumber(host);
        context = Context.STEP;
        if (commandLine.isEmpty()) {
            problems.add(new Problem(line.number(), "empty command after " + host + "#"));
            pending = Pending.ignored(line);
            return;
        }
        pending = new Pending(line, output -> new Step.Command(line, host, commandLine, output));
    }

    private void directive(TranscriptLine line) {
        Matcher m = DIRECTIVE.matcher(line.text());
        m.matches();
        String name = m.group(1);
        context = Context.STEP;
        List<String> words;
        try {
            words = ShellWords.split(m.group(2));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(line.number(), "@" + name + ": " + e.getMessage()));
            pending = Pending.ignored(line);
            return;
        }
        switch (name) {
            case "lan" -> lan(line, words);
            case "tcpdump" -> tcpdump(line, words);
            default -> {
                problems.add(new Problem(line.number(), "unknown directive @" + name
                        + " (known: @lan, @tcpdump)"));
                pending = Pending.ignored(line);
            }
        }
    }

    private void lan(TranscriptLine line, List<String> words) {
        pending = Pending.silent(line);
        if (words.size() < 2) {
            problems.add(new Problem(line.number(), "@lan needs a segment and at least one member: "
                    + "@lan SEGMENT MEMBER..."));
            return;
        }
        String segment = words.get(0);
        Integer definedAt = segments.putIfAbsent(segment, line.number());
        if (definedAt != null) {
            problems.add(new Problem(line.number(), "@lan: segment " + segment
                    + " is already defined at line " + definedAt));
            return;
        }
        List<LanMember> members = new ArrayList<>();
        for (String word : words.subList(1, words.size())) {
            LanMember member = member(line, segment, word);
            if (member != null) {
                members.add(member);
            }
        }
        if (members.size() == words.size() - 1) {
            steps.add(new Step.Lan(line, segment, members));
        }
    }

    private LanMember member(TranscriptLine line, String segment, String word) {
        Matcher m = MEMBER.matcher(word);
        if (!m.matches()) {
            problems.add(new Problem(line.number(), "@lan: bad member '" + word
                    + "': expected HOST, HOST:IF or HOST:IF=MAC"));
            return null;
        }
        String host = m.group(1);
        String device = m.group(2) == null ? DEFAULT_DEVICE : m.group(2);
        String mac = m.group(3);
        int hostNumber = hostNumber(host);
        if (device.length() > MAX_IFNAME || device.equals(".") || device.equals("..")) {
            problems.add(new Problem(line.number(), "@lan: bad member '" + word + "': '" + device
                    + "' is not a valid interface name"));
            return null;
        }
        if (device.equals("lo")) {
            problems.add(new Problem(line.number(), "@lan: bad member '" + word
                    + "': lo is the loopback interface and cannot join a segment"));
            return null;
        }
        if (mac != null) {
            if (!MAC.matcher(mac).matches()) {
                problems.add(new Problem(line.number(), "@lan: bad member '" + word + "': '" + mac
                        + "' is not a MAC address (expected xx:xx:xx:xx:xx:xx)"));
                return null;
            }
            mac = mac.toLowerCase(Locale.ROOT);
            // eth_validate_addr(): the kernel refuses multicast and all-zero addresses
            if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0 || mac.equals("00:00:00:00:00:00")) {
                problems.add(new Problem(line.number(), "@lan: bad member '" + word + "': " + mac
                        + " is not a unicast address"));
                return null;
            }
        }
        String key = host + ":" + device;
        String joined = memberships.putIfAbsent(key, segment);
        if (joined != null) {
            problems.add(new Problem(line.number(), "@lan: " + key + " is already on segment " + joined
                    + " (an interface joins at most one segment)"));
            return null;
        }
        int interfaceNumber = interfaceCount.merge(host, 1, Integer::sum);
        if (mac == null) {
            if (hostNumber > 0xff || interfaceNumber > 0xff) {
                problems.add(new Problem(line.number(), "@lan: no default MAC for " + key
                        + " (more than 255 hosts or interfaces); give one with " + key + "=MAC"));
                return null;
            }
            mac = String.format("02:00:00:00:%02x:%02x", hostNumber, interfaceNumber);
        }
        return new LanMember(host, device, mac);
    }

    private void tcpdump(TranscriptLine line, List<String> words) {
        if (words.isEmpty()) {
            problems.add(new Problem(line.number(), "@tcpdump needs a segment: "
                    + "@tcpdump SEGMENT [-e] [-v] [FILTER]"));
            pending = Pending.ignored(line);
            return;
        }
        String segment = words.get(0);
        if (!segments.containsKey(segment)) {
            problems.add(new Problem(line.number(), "@tcpdump: no segment " + segment
                    + " (an @lan line above must define it)"));
            pending = Pending.ignored(line);
            return;
        }
        List<String> arguments = List.copyOf(words.subList(1, words.size()));
        pending = new Pending(line, output -> new Step.Tcpdump(line, segment, arguments, output));
    }

    private int hostNumber(String host) {
        return hosts.computeIfAbsent(host, h -> hosts.size() + 1);
    }

    private void finishPending() {
        if (pending == null) {
            return;
        }
        Pending p = pending;
        pending = null;
        List<TranscriptLine> block = new ArrayList<>(p.output);
        while (!block.isEmpty() && isBlank(block.get(block.size() - 1).text())) {
            block.remove(block.size() - 1);
        }
        if (p.silent) {
            if (!block.isEmpty()) {
                problems.add(new Problem(block.get(0).number(),
                        "output line under @lan, which prints nothing"));
            }
            return;
        }
        OutputBlock output = block(block);
        if (output != null && p.factory != null) {
            steps.add(p.factory.make(output));
        }
    }

    private OutputBlock block(List<TranscriptLine> block) {
        int exitStatus = 0;
        int expectedCount = block.size();
        boolean ok = true;
        if (!block.isEmpty()) {
            TranscriptLine last = block.get(block.size() - 1);
            Matcher exit = EXIT.matcher(ExpectedLine.stripTrailingSpaces(last.text()));
            if (exit.matches()) {
                expectedCount--;
                String digits = exit.group(1);
                exitStatus = digits.length() > 3 ? 256 : Integer.parseInt(digits);
                if (exitStatus == 0) {
                    problems.add(new Problem(last.number(),
                            "[0] is not allowed: without [N] a command must exit 0"));
                    ok = false;
                } else if (exitStatus > 255) {
                    problems.add(new Problem(last.number(), "exit status " + digits
                            + " is out of range (1-255)"));
                    ok = false;
                }
            }
        }
        List<ExpectedLine> expected = new ArrayList<>();
        for (TranscriptLine line : block.subList(0, expectedCount)) {
            try {
                expected.add(ExpectedLine.parse(line.text()));
            } catch (PatternSyntaxException e) {
                problems.add(new Problem(line.number(), "bad regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")));
                ok = false;
            }
        }
        return ok ? new OutputBlock(block, expected, exitStatus) : null;
    }

    /** A command or directive whose output block is still being read. */
    private static final class Pending {
        final TranscriptLine line;
        final StepFactory factory;
        final boolean silent;
        final List<TranscriptLine> output = new ArrayList<>();

        Pending(TranscriptLine line, StepFactory factory) {
            this(line, factory, false);
        }

        private Pending(TranscriptLine line, StepFactory factory, boolean silent) {
            this.line = line;
            this.factory = factory;
            this.silent = silent;
        }

        /** A directive that prints nothing: output under it is an error. */
        static Pending silent(TranscriptLine line) {
            return new Pending(line, null, true);
        }

        /** A line already reported as wrong: its output block is read and dropped. */
        static Pending ignored(TranscriptLine line) {
            return new Pending(line, null, false);
        }
    }

    @FunctionalInterface
    private interface StepFactory {
        Step make(OutputBlock output);
    }
}
