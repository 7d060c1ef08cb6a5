package dev.lvsunit.spec.format;

import dev.lvsunit.spec.backend.LanMember;
import java.util.List;

/** One thing a transcript asks for, in file order. */
public sealed interface Step {

    /** The command or directive line. */
    TranscriptLine line();

    /** A step whose output is checked against an {@link OutputBlock}. */
    sealed interface Checked extends Step {
        OutputBlock block();
    }

    /** {@code @lan SEGMENT MEMBER...}, members resolved (default device and MAC filled in). */
    record Lan(TranscriptLine line, String segment, List<LanMember> members) implements Step {
        public Lan {
            members = List.copyOf(members);
        }
    }

    /** {@code @tcpdump SEGMENT [ARGS...]}. */
    record Tcpdump(TranscriptLine line, String segment, List<String> arguments, OutputBlock block)
            implements Checked {
        public Tcpdump {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code HOST# COMMAND}. */
    record Command(TranscriptLine line, String host, String commandLine, OutputBlock block) implements Checked {
    }
}
