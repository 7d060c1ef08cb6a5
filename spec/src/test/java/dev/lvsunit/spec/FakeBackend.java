package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A backend that answers from a table: "host# command" (or "@tcpdump segment
 * args") to a canned outcome; anything else is "bash: NAME: command not found",
 * 127. Records every call, in order.
 */
final class FakeBackend implements Backend {

    final Map<String, CommandOutcome> answers = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    int opened;
    int closed;
    RuntimeException failOpen;
    String failOn;
    RuntimeException failure;

    FakeBackend answer(String key, String output, int exit) {
        answers.put(key, new CommandOutcome(output, exit));
        return this;
    }

    FakeBackend answer(String key, String output) {
        return answer(key, output, 0);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Session open() {
        if (failOpen != null) {
            throw failOpen;
        }
        opened++;
        return new Session() {
            @Override
            public void host(String name) {
                calls.add("host " + name);
            }

            @Override
            public void lan(String segment, List<LanMember> members) {
                StringBuilder call = new StringBuilder("lan " + segment);
                for (LanMember m : members) {
                    call.append(' ').append(m.host()).append(':').append(m.device()).append('=').append(m.mac());
                }
                calls.add(call.toString());
            }

            @Override
            public CommandOutcome run(String host, String commandLine) {
                return answer(host + "# " + commandLine, "bash: " + commandLine.split(" ")[0] + ": command not found\n");
            }

            @Override
            public CommandOutcome tcpdump(String segment, List<String> arguments) {
                return answer(("@tcpdump " + segment + " " + String.join(" ", arguments)).strip(), "");
            }

            private CommandOutcome answer(String key, String unknown) {
                calls.add(key);
                if (key.equals(failOn)) {
                    throw failure;
                }
                return answers.getOrDefault(key, new CommandOutcome(unknown, unknown.isEmpty() ? 0 : 127));
            }

            @Override
            public void close() {
                closed++;
            }
        };
    }

    static BackendException backendException(String message) {
        return new BackendException(message);
    }
}
