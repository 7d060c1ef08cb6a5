package dev.lvsunit.spec.format;

import java.util.List;

/**
 * A parsed transcript.
 *
 * @param steps the commands and directives in file order
 * @param hosts every host the transcript names, in order of first appearance
 */
public record Transcript(List<Step> steps, List<String> hosts) {
    public Transcript {
        steps = List.copyOf(steps);
        hosts = List.copyOf(hosts);
    }
}
