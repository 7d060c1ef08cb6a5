package dev.lvsunit.robust;

import java.nio.file.Path;

/**
 * Prints the {@link Transcripts transcript} of each spec file named on the
 * command line, each after a line {@code === FILE}: what {@link DeterminismTest}
 * runs in fresh JVMs.
 */
public final class TranscriptMain {

    private TranscriptMain() {
    }

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        for (String file : args) {
            out.append("=== ").append(file).append('\n').append(Transcripts.of(Path.of(file)));
        }
        System.out.print(out);
        System.out.flush();
    }
}
