package dev.lvsunit.junit.spec;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * The specs named by one {@link LvsSpecs} class: a container whose source is
 * that class, so that build tools which report tests per class (Maven
 * Surefire) count and report its specs under it.
 */
final class SpecClassDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "class";

    SpecClassDescriptor(UniqueId uniqueId, Class<?> type) {
        super(uniqueId, type.getSimpleName(), ClassSource.from(type));
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
