package dev.lvsunit.tools.ip;

import java.util.List;

/**
 * The argument vector as iproute2 walks it ({@code argc}/{@code argv} with
 * {@code NEXT_ARG()}), and its keyword matching.
 */
final class Args {

    private final List<String> argv;
    private int index;

    Args(List<String> argv) {
        this.argv = argv;
    }

    boolean hasNext() {
        return index < argv.size();
    }

    /** The current word ({@code *argv}). */
    String current() {
        return argv.get(index);
    }

    /** {@code argc--; argv++}. */
    void advance() {
        index++;
    }

    /** {@code NEXT_ARG()}: moves to the next word, which must exist, and returns it. */
    String nextArg() {
        index++;
        if (index >= argv.size()) {
            throw IpError.incomplete();
        }
        return argv.get(index);
    }

    /** The words not consumed yet. */
    List<String> rest() {
        return argv.subList(Math.min(index, argv.size()), argv.size());
    }

    /**
     * iproute2's {@code matches(prefix, string) == 0}: {@code word} is a
     * non-empty prefix of {@code keyword} ({@code "a"} matches {@code "add"}).
     */
    static boolean matches(String word, String keyword) {
        return !word.isEmpty() && keyword.startsWith(word);
    }
}
