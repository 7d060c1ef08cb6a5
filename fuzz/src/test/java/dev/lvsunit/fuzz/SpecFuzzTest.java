package dev.lvsunit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.SpecSyntaxException;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.engine.EngineBackend;

/**
 * The spec format: {@link Spec#parse} accepts a transcript or rejects it with a
 * {@link SpecSyntaxException} that names a line, as a transcript and as
 * Markdown; and a spec that parses runs on the engine to the end or stops at a
 * {@link BackendException} (a clear error), never at an internal error.
 */
class SpecFuzzTest {

    /** Longer specs say nothing new and only slow the fuzzer down. */
    private static final int MAX_STEPS = 40;

    @FuzzTest
    void parse(byte[] data) {
        String text = Answered.text(data);
        parseOrNull("fuzz.lvs", text);
        parseOrNull("fuzz.md", text);
    }

    @FuzzTest
    void run(byte[] data) {
        Spec spec = parseOrNull(data.length > 0 && data[0] == '`' ? "fuzz.md" : "fuzz.lvs", Answered.text(data));
        if (spec == null || spec.checkCount() > MAX_STEPS) {
            return;
        }
        SpecResult result = new SpecRunner(new EngineBackend()).run(spec);
        result.errorCause().ifPresent(cause -> {
            if (!(cause instanceof BackendException)) {
                throw new AssertionError("internal error running the spec: " + result.error().orElse(""), cause);
            }
        });
        if (result.report() == null || result.report().isEmpty()) {
            throw new AssertionError("no report");
        }
    }

    private static Spec parseOrNull(String name, String text) {
        try {
            Spec spec = Spec.parse(name, text);
            if (spec.name() == null || spec.hosts() == null) {
                throw new AssertionError("a spec without name or hosts");
            }
            return spec;
        } catch (SpecSyntaxException e) {
            if (e.errors().isEmpty()) {
                throw new AssertionError("a syntax error without errors", e);
            }
            for (SpecSyntaxException.Error error : e.errors()) {
                if (error.line() < 0 || error.message() == null || error.message().isBlank()) {
                    throw new AssertionError("an unclear syntax error: " + error, e);
                }
            }
            return null;
        }
    }
}
