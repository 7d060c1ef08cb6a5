package dev.lvsunit.junit.spec;

import dev.lvsunit.spec.Spec;
import java.util.function.Supplier;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One spec file: one test. */
final class SpecDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "spec";

    private final Supplier<Spec> spec;

    SpecDescriptor(UniqueId uniqueId, String displayName, TestSource source, Supplier<Spec> spec) {
        super(uniqueId, displayName, source);
        this.spec = spec;
    }

    /** Parses the spec; throws {@link dev.lvsunit.spec.SpecSyntaxException} for a malformed one. */
    Spec spec() {
        return spec.get();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
