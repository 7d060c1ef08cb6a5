package dev.lvsunit.tools.tcpdump;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code tcpdump -n [-e] [-v] [FILTER]} over frames captured on a segment:
 * the {@code @tcpdump} directive of the spec format.
 *
 * <p>Lines are those tcpdump 4.99.3 prints for a capture on a Linux bridge
 * joining the hosts: frames as they were sent, unpadded (ARP {@code length
 * 28}, {@code -e} {@code length 42}). tcpdump's banner and counters go to
 * standard error on a real host and are not part of the output.
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
     *     ({@code -n} is accepted and is always in effect)
     * @return the printed lines, or tcpdump's error for a bad filter (exit status 1)
     * @throws NotSupportedException for options or filter primitives lvsunit does not model
     */
    public static Execution dump(List<CapturedFrame> frames, List<String> arguments) {
        boolean linkLevel = false;
        boolean verbose = false;
        int i = 0;
        for (; i < arguments.size(); i++) {
            String a = arguments.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() < 2) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'e' -> linkLevel = true;
                    case 'n' -> { }
                    case 'v' -> {
                        if (verbose) {
                            throw new NotSupportedException("tcpdump -vv");
                        }
                        verbose = true;
                    }
                    default -> throw new NotSupportedException("tcpdump option -" + c);
                }
            }
        }
        Predicate<EthernetFrame> filter;
        try {
            filter = Filter.compile(String.join(" ", arguments.subList(i, arguments.size())));
        } catch (FilterException e) {
            return new Execution("tcpdump: " + e.getMessage() + "\n", 1);
        }
        FrameFormatter formatter = new FrameFormatter(linkLevel, verbose);
        StringBuilder out = new StringBuilder();
        for (CapturedFrame f : frames) {
            if (filter.test(f.frame())) {
                out.append(formatter.format(f));
            }
        }
        return new Execution(out.toString(), 0);
    }
}
