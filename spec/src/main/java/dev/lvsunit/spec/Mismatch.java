package dev.lvsunit.spec;

/**
 * A command (or {@code @tcpdump}) whose output or exit status differs from its
 * output block.
 *
 * @param file the spec's name
 * @param line the 1-based file line of the command
 * @param command the command line as written, such as {@code client# ping -c 1 10.0.0.1}
 * @param diff a unified diff: {@code -} lines expected and missing, {@code +}
 *     lines printed and not expected, {@code -[N]}/{@code +[N]} for the exit
 *     status; every line ends with {@code \n}
 */
public record Mismatch(String file, int line, String command, String diff) {

    /** {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }

    /** {@code file:line: command}, then the diff. */
    @Override
    public String toString() {
        return location() + ": " + command + "\n" + diff;
    }
}
