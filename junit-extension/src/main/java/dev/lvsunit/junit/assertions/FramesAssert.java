package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.capture.Frames;

/** Assertions on frames of any kind. */
public class FramesAssert extends AbstractFrameSelectionAssert<FramesAssert, Frames> {

    public FramesAssert(Frames actual) {
        super(actual, FramesAssert.class);
    }

    @Override
    Class<FramesAssert> selfClass() {
        return FramesAssert.class;
    }

    @Override
    Class<Frames> actualClass() {
        return Frames.class;
    }
}
