package dev.lvsunit.tools.ipvs;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of libpopt's option parsing ipvsadm relies on: long options
 * ({@code --name}, {@code --name=value}), bundled short options
 * ({@code -Ln}, {@code -tVIP:80}), optional arguments (taken from the next
 * word only when it does not start with '-'), {@code --} and leftover
 * arguments. Errors carry the offending word as {@code poptBadOption} gives
 * it and the {@code poptStrerror} text.
 */
final class Popt {

    enum Arg {
        NONE,
        REQUIRED,
        OPTIONAL
    }

    /** One entry of the option table. */
    record Option(String longName, char shortName, Arg arg, int tag) {
    }

    /** One result of {@code poptGetNextOpt}. */
    record Event(int tag, String arg, String badOption, String error) {
        boolean isError() {
            return error != null;
        }
    }

    private final List<Option> table;
    private final List<String> argv;
    private int index;
    private String bundle;
    private int bundlePos;
    private final List<String> leftovers = new ArrayList<>();
    private boolean noMoreOptions;

    Popt(List<Option> table, List<String> argv) {
        this.table = table;
        this.argv = argv;
    }

    /** The next option, an error event, or {@code null} at the end. */
    Event next() {
        if (bundle != null) {
            return shortOption();
        }
        while (index < argv.size()) {
            String word = argv.get(index++);
            if (noMoreOptions || word.equals("-") || !word.startsWith("-")) {
                leftovers.add(word);
                continue;
            }
            if (word.equals("--")) {
                noMoreOptions = true;
                continue;
            }
            if (word.startsWith("--")) {
                String name = word.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                for (Option o : table) {
                    if (name.equals(o.longName())) {
                        if (o.arg() == Arg.NONE) {
                            return new Event(o.tag(), null, null, null);
                        }
                        if (value != null) {
                            return new Event(o.tag(), value, null, null);
                        }
                        return takeArgument(o, word);
                    }
                }
                return new Event(0, null, word, "unknown option");
            }
            bundle = word;
            bundlePos = 1;
            return shortOption();
        }
        return null;
    }

    private Event shortOption() {
        String word = bundle;
        char c = word.charAt(bundlePos++);
        boolean atEnd = bundlePos >= word.length();
        Option found = null;
        for (Option o : table) {
            if (o.shortName() == c) {
                found = o;
                break;
            }
        }
        if (found == null) {
            bundle = null;
            return new Event(0, null, word, "unknown option");
        }
        if (found.arg() == Arg.NONE) {
            if (atEnd) {
                bundle = null;
            }
            return new Event(found.tag(), null, null, null);
        }
        bundle = null;
        if (!atEnd) {
            return new Event(found.tag(), word.substring(bundlePos), null, null);
        }
        return takeArgument(found, word);
    }

    private Event takeArgument(Option o, String word) {
        if (o.arg() == Arg.OPTIONAL) {
            if (index < argv.size() && !argv.get(index).startsWith("-")) {
                return new Event(o.tag(), argv.get(index++), null, null);
            }
            return new Event(o.tag(), null, null, null);
        }
        if (index < argv.size()) {
            return new Event(o.tag(), argv.get(index++), null, null);
        }
        return new Event(0, null, word, "missing argument");
    }

    /** {@code poptGetArg}: the next leftover argument, or {@code null}. */
    String nextArg() {
        // leftovers are only complete once every option has been read
        while (next() != null) {
            // drain
        }
        return leftovers.isEmpty() ? null : leftovers.remove(0);
    }
}
