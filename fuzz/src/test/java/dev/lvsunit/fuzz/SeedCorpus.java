package dev.lvsunit.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus from the repository's specs, into
 * {@code src/test/resources/dev/lvsunit/fuzz/*Inputs/METHOD/seed-SHA1}: whole
 * spec files for {@link SpecFuzzTest}, the arguments of each command line for
 * the matching target of {@link CommandFuzzTest} ({@code @tcpdump}'s for its
 * {@code tcpdump} target), and the addresses they name
 * for {@link ValueParsersFuzzTest}. Files are named by content, so running it
 * again only adds. Run after adding samples:
 * {@code mvn -pl fuzz -am test -Dtest=SeedCorpus -Dlvsunit.fuzz.reseed=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "lvsunit.fuzz.reseed", matches = "true")
class SeedCorpus {

    private static final List<String> COMMANDS =
            List.of("ip", "ifconfig", "route", "arp", "sysctl", "ping", "arping", "ipvsadm", "curl");
    private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?\\b");
    private static final Pattern TCPDUMP = Pattern.compile("^@tcpdump \\S+ ?(.*)$");
    private static final Pattern MAC = Pattern.compile("\\b[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}\\b");

    @Test
    void write() throws IOException {
        Path resources = SampleSpecs.root().resolve("fuzz/src/test/resources/dev/lvsunit/fuzz");
        Set<String> sessions = new LinkedHashSet<>();
        for (Path file : SampleSpecs.files()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            seed(resources.resolve("SpecFuzzTestInputs/parse"), text);
            seed(resources.resolve("SpecFuzzTestInputs/run"), file.toString().endsWith(".md") && !text.startsWith("`")
                    ? "`" + text : text);
            for (String line : text.split("\n")) {
                Matcher t = TCPDUMP.matcher(line);
                if (t.matches()) {
                    seed(resources.resolve("CommandFuzzTestInputs/tcpdump"), t.group(1));
                }
            }
            List<String> lines = SampleSpecs.commandLines(file);
            sessions.add(String.join("\n", lines.subList(0, Math.min(lines.size(), 16))));
            for (String line : lines) {
                seed(resources.resolve("CommandFuzzTestInputs/shell"), line);
                int space = line.indexOf(' ');
                String name = space < 0 ? line : line.substring(0, space);
                if (COMMANDS.contains(name)) {
                    seed(resources.resolve("CommandFuzzTestInputs/" + name), space < 0 ? "" : line.substring(space + 1));
                }
                Matcher a = ADDRESS.matcher(line);
                while (a.find()) {
                    seed(resources.resolve("ValueParsersFuzzTestInputs/ipv4Prefix"), a.group());
                    if (a.group(2) == null) {
                        seed(resources.resolve("ValueParsersFuzzTestInputs/ipv4Address"), a.group());
                    }
                }
                Matcher m = MAC.matcher(line);
                while (m.find()) {
                    seed(resources.resolve("ValueParsersFuzzTestInputs/macAddress"), m.group());
                }
            }
        }
        for (String session : sessions) {
            seed(resources.resolve("CommandFuzzTestInputs/session"), session);
        }
    }

    private static void seed(Path directory, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(directory);
        Path file = directory.resolve("seed-" + sha1(bytes));
        if (!Files.exists(file)) {
            Files.write(file, bytes);
        }
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
