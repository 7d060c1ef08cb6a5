package dev.lvsunit.cli;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.util.List;

/**
 * A backend for CLI tests, found by class name like the real ones: {@code echo
 * WORDS} prints the words, {@code exit N} exits N, anything else is not found.
 */
public final class TableBackend implements Backend {

    @Override
    public String name() {
        return "table";
    }

    @Override
    public Session open() {
        return new Session() {
            @Override
            public void host(String name) {
            }

            @Override
            public void lan(String segment, List<LanMember> members) {
            }

            @Override
            public CommandOutcome run(String host, String commandLine) {
                String[] words = commandLine.split(" ", 2);
                return switch (words[0]) {
                    case "echo" -> new CommandOutcome((words.length > 1 ? words[1] : "") + "\n", 0);
                    case "exit" -> new CommandOutcome("", Integer.parseInt(words[1]));
                    default -> new CommandOutcome("bash: " + words[0] + ": command not found\n", 127);
                };
            }

            @Override
            public CommandOutcome tcpdump(String segment, List<String> arguments) {
                return new CommandOutcome("", 0);
            }

            @Override
            public void close() {
            }
        };
    }
}
