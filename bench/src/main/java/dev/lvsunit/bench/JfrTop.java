package dev.lvsunit.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code java -cp bench/target/benchmarks.jar dev.lvsunit.bench.JfrTop FILE.jfr [METHOD-SUBSTRING [DEPTH]]}:
 * the hottest methods of a Flight Recorder file's {@code jdk.ExecutionSample}
 * events, self and inclusive, with the total GC pause; given a method name
 * (part of {@code Class.method}), the call paths that reach it instead. What
 * the engine commits' "profile" figures come from.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: JfrTop FILE.jfr [METHOD-SUBSTRING [DEPTH]]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        if (args.length > 1) {
            callers(file, args[1], args.length > 2 ? Integer.parseInt(args[2]) : 6);
        } else {
            top(file);
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void top(Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> incl = new HashMap<>();
        int total = 0;
        long gcNanos = 0;
        try (RecordingFile f = new RecordingFile(file)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.GarbageCollection")) {
                    gcNanos += e.getDuration().toNanos();
                }
                RecordedStackTrace st = type.equals("jdk.ExecutionSample") ? e.getStackTrace() : null;
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                total++;
                List<RecordedFrame> frames = st.getFrames();
                self.merge(name(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame fr : frames) {
                    if (seen.add(name(fr))) {
                        incl.merge(name(fr), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%d samples; GC pauses %.0f ms%n== self%n", total, gcNanos / 1e6);
        print(self, total, 25);
        System.out.println("== inclusive");
        print(incl, total, 40);
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> System.out.printf("%5.1f%% %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    private static void callers(Path file, String method, int depth) throws IOException {
        Map<String, Integer> paths = new HashMap<>();
        int total = 0;
        try (RecordingFile f = new RecordingFile(file)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                RecordedStackTrace st = e.getEventType().getName().equals("jdk.ExecutionSample") ? e.getStackTrace() : null;
                if (st == null) {
                    continue;
                }
                List<RecordedFrame> frames = st.getFrames();
                for (int i = 0; i < frames.size(); i++) {
                    if (name(frames.get(i)).contains(method)) {
                        StringBuilder sb = new StringBuilder();
                        for (int j = i; j < Math.min(frames.size(), i + depth); j++) {
                            RecordedFrame fr = frames.get(j);
                            String n = name(fr);
                            sb.append(n.substring(n.lastIndexOf('.', n.lastIndexOf('.') - 1) + 1))
                                    .append(':').append(fr.getLineNumber()).append(" < ");
                        }
                        paths.merge(sb.toString(), 1, Integer::sum);
                        total++;
                        break;
                    }
                }
            }
        }
        System.out.println(total + " samples in " + method);
        paths.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> System.out.println(e.getValue() + "  " + e.getKey()));
    }
}
