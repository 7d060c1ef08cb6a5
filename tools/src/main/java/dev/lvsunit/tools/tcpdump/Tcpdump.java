package dev.lvsunit.tools.tcpdump;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.tools.Execution;
import java.util.List;

/**
 * {@code tcpdump -n [-e] [-v] [FILTER]} over frames captured on a segment:
 * the {@code @tcpdump} directive of the spec format.
 */
public final class Tcpdump {

    private Tcpdump() {
    }

    /**
     * Prints the frames as tcpdump would, with timestamps from the virtual
     * clock ({@code 00:00:00.000000} is the world's start).
     *
     * @param frames the frames, in order
     * @param arguments the options and filter expression: {@code -e}, {@code -v}, then a filter
     * @return the printed lines, or tcpdump's error for a bad filter
     */
    public static Execution dump(List<CapturedFrame> frames, List<String> arguments) {
        // TODO(iputils/tcpdump helper)
        throw new UnsupportedOperationException("TODO");
    }
}
