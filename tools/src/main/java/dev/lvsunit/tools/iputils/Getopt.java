package dev.lvsunit.tools.iputils;

import java.util.ArrayList;
import java.util.List;

/**
 * glibc's {@code getopt(3)} as iputils calls it: short options, clusters
 * ({@code -qc1}), attached or separate arguments, {@code --}, and GNU
 * permutation (operands may come before options: {@code ping 10.0.0.1 -c 1}).
 */
final class Getopt {

    /** One option, or an error glibc already reported ({@code option == '?'}). */
    record Option(char option, String argument, String error) {
    }

    private final String program;
    private final String optstring;
    private final List<String> args;
    private final List<String> operands = new ArrayList<>();
    private int index;
    private String cluster = "";

    Getopt(String program, String optstring, List<String> args) {
        this.program = program;
        this.optstring = optstring;
        this.args = args;
    }

    /** The next option, or {@code null} when there are no more. */
    Option next() {
        while (cluster.isEmpty()) {
            if (index >= args.size()) {
                return null;
            }
            String a = args.get(index++);
            if (a.equals("--")) {
                while (index < args.size()) {
                    operands.add(args.get(index++));
                }
                return null;
            }
            if (a.startsWith("-") && a.length() > 1) {
                cluster = a.substring(1);
            } else {
                operands.add(a);
            }
        }
        char c = cluster.charAt(0);
        cluster = cluster.substring(1);
        int at = optstring.indexOf(c);
        if (at < 0 || c == ':') {
            return new Option('?', null, program + ": invalid option -- '" + c + "'");
        }
        if (at + 1 < optstring.length() && optstring.charAt(at + 1) == ':') {
            String argument;
            if (!cluster.isEmpty()) {
                argument = cluster;
                cluster = "";
            } else if (index < args.size()) {
                argument = args.get(index++);
            } else {
                return new Option('?', null, program + ": option requires an argument -- '" + c + "'");
            }
            return new Option(c, argument, null);
        }
        return new Option(c, null, null);
    }

    /** The operands, in order, once {@link #next()} has returned {@code null}. */
    List<String> operands() {
        return operands;
    }
}
