package dev.lvsunit.junit.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the extensions write what a test leaves behind (captures, transcripts,
 * Linux replays): a directory set by the configuration parameter
 * {@value #OUTPUT_DIRECTORY}, and one file name base per test invocation.
 */
public final class EvidenceFiles {

    /** The configuration parameter naming the directory. */
    public static final String OUTPUT_DIRECTORY = "lvsunit.output.dir";
    private static final String DEFAULT_OUTPUT_DIRECTORY = "target/lvsunit";
    private static final Pattern INVOCATION = Pattern.compile("\\[(?:test-template-invocation|dynamic-test):#(\\d+)\\]");

    private EvidenceFiles() {
    }

    /** The directory: {@value #OUTPUT_DIRECTORY}, else {@code target/lvsunit}. */
    public static Path directory(ExtensionContext context) {
        return Path.of(context.getConfigurationParameter(OUTPUT_DIRECTORY).orElse(DEFAULT_OUTPUT_DIRECTORY));
    }

    /** {@code ClassName.method} with {@code -N} for the Nth invocation of a template or dynamic test. */
    public static String base(ExtensionContext context) {
        StringBuilder sb = new StringBuilder(context.getRequiredTestClass().getName())
                .append('.').append(context.getRequiredTestMethod().getName());
        Matcher m = INVOCATION.matcher(context.getUniqueId());
        while (m.find()) {
            sb.append('-').append(m.group(1));
        }
        return sb.toString().replaceAll("[^A-Za-z0-9_.$-]", "_");
    }
}
