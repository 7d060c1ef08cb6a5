package dev.lvsunit.dsl.capture;

import dev.lvsunit.engine.link.CapturedFrame;
import java.util.List;

/** Frames of any kind. */
public final class Frames extends FrameSelection<Frames> {

    public Frames(List<CapturedFrame> frames, String description) {
        super(frames, description);
    }

    @Override
    protected Frames select(List<CapturedFrame> frames, String description) {
        return new Frames(frames, description);
    }
}
