package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.tcp.TcpError;
import dev.lvsunit.engine.tcp.TcpHandler;
import dev.lvsunit.engine.tcp.TcpSocket;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;

/**
 * curl 7.88.1 for {@code http://ADDR[:PORT][/PATH]}: one GET, the body on
 * standard output, errors as {@code curl: (N) ...} on standard error unless
 * {@code -s} without {@code -S}.
 *
 * <p>Exit statuses: 0 for any HTTP answer; 7 when the connection is refused
 * (RST, or ICMP port unreachable as IPVS sends when no real server is
 * available), when ICMP reports the host unreachable, and when the kernel
 * gives up on the SYN: {@code tcp_syn_retries} 6 means 127 s, which comes
 * before curl's own default connect timeout of 300 s
 * ({@code DEFAULT_CONNECT_TIMEOUT}), so a plain {@code curl -s} to a black
 * hole returns 7 after 127 virtual seconds; 28 when {@code -m}/{@code --max-time}
 * or {@code --connect-timeout} runs out first; 56 for a reset during the
 * transfer; 6 for a host name (there is no DNS); 3 for a malformed URL.
 *
 * <p>The request is {@code GET PATH HTTP/1.1}, {@code Host},
 * {@code User-Agent: curl/7.88.1}, {@code Accept: *}{@code /*} (73 bytes for
 * a ten-character address, as a real capture shows). curl closes the
 * connection when the body is complete (Content-Length) or the server closes.
 */
final class Curl {

    private final CommandContext ctx;
    private boolean silent;
    private boolean showError;
    private long maxTimeMs = -1;
    private long connectTimeoutMs = -1;

    private Curl(CommandContext ctx) {
        this.ctx = ctx;
    }

    static int run(CommandContext ctx, List<String> args) {
        return new Curl(ctx).main(args);
    }

    private int main(List<String> args) {
        String url = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                switch (a) {
                    case "--silent" -> silent = true;
                    case "--show-error" -> showError = true;
                    case "--max-time", "--connect-timeout" -> {
                        if (i + 1 >= args.size()) {
                            return usage("option " + a + ": requires parameter");
                        }
                        Long ms = seconds(args.get(++i));
                        if (ms == null) {
                            return usage("option " + a + ": expected a proper numerical parameter");
                        }
                        if (a.equals("--max-time")) {
                            maxTimeMs = ms;
                        } else {
                            connectTimeoutMs = ms;
                        }
                    }
                    default -> throw new NotSupportedException("curl " + a);
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    switch (c) {
                        case 's' -> silent = true;
                        case 'S' -> showError = true;
                        case 'm' -> {
                            String v = k + 1 < a.length() ? a.substring(k + 1) : (i + 1 < args.size() ? args.get(++i) : null);
                            if (v == null) {
                                return usage("option -m: requires parameter");
                            }
                            Long ms = seconds(v);
                            if (ms == null) {
                                return usage("option -m: expected a proper numerical parameter");
                            }
                            maxTimeMs = ms;
                            k = a.length();
                        }
                        default -> throw new NotSupportedException("curl -" + c);
                    }
                }
            } else {
                if (url != null) {
                    throw new NotSupportedException("curl with several URLs");
                }
                url = a;
            }
        }
        if (url == null) {
            ctx.err().println("curl: no URL specified!");
            ctx.err().println("curl: try 'curl --help' or 'curl --manual' for more information");
            return 2;
        }
        return get(url);
    }

    private int usage(String message) {
        ctx.err().println("curl: " + message);
        ctx.err().println("curl: try 'curl --help' or 'curl --manual' for more information");
        return 2;
    }

    private static Long seconds(String v) {
        try {
            double d = Double.parseDouble(v);
            if (d < 0) {
                return null;
            }
            return (long) (d * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int error(int code, String message) {
        if (!silent || showError) {
            ctx.err().println("curl: (" + code + ") " + message);
        }
        return code;
    }

    private int get(String url) {
        String rest = url;
        if (rest.startsWith("http://")) {
            rest = rest.substring(7);
        } else if (rest.contains("://")) {
            String scheme = rest.substring(0, rest.indexOf("://"));
            return error(1, "Protocol \"" + scheme + "\" not supported or disabled in libcurl");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        String host = authority;
        int port = 80;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            String p = authority.substring(colon + 1);
            if (!p.isEmpty()) {
                if (!p.chars().allMatch(Character::isDigit) || p.length() > 5 || Integer.parseInt(p) > 65535) {
                    return error(3, "URL using bad/illegal format or missing URL");
                }
                port = Integer.parseInt(p);
            }
        }
        if (host.isEmpty()) {
            return error(3, "URL using bad/illegal format or missing URL");
        }
        Ipv4Address addr = Ipv4Address.tryParse(host);
        if (addr == null) {
            return error(6, "Could not resolve host: " + host);
        }
        String hostHeader = port == 80 ? host : host + ":" + port;
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + hostHeader + "\r\n"
                + "User-Agent: curl/7.88.1\r\n"
                + "Accept: */*\r\n"
                + "\r\n";
        return transfer(addr, host, port, request);
    }

    /** What the connection reports while curl waits in its event loop. */
    private static final class Transfer implements TcpHandler {
        final String request;
        final StringBuilder response = new StringBuilder();
        boolean connected;
        boolean eof;
        boolean done;
        TcpError error;

        Transfer(String request) {
            this.request = request;
        }

        @Override
        public void connected(TcpSocket s) {
            connected = true;
            s.send(request);
        }

        @Override
        public void received(TcpSocket s, String data) {
            response.append(data);
            if (complete()) {
                done = true;
                s.close();
            }
        }

        @Override
        public void finReceived(TcpSocket s) {
            eof = true;
            done = true;
            s.close();
        }

        @Override
        public void failed(TcpSocket s, TcpError e) {
            error = e;
            done = true;
        }

        /** The head is in and the body has Content-Length bytes. */
        boolean complete() {
            int end = response.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            String head = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
            for (String line : head.split("\r\n")) {
                if (line.startsWith("content-length:")) {
                    try {
                        int n = Integer.parseInt(line.substring(15).strip());
                        return response.length() - end - 4 >= n;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return false;
        }

        String body() {
            int end = response.indexOf("\r\n\r\n");
            return end < 0 ? "" : response.substring(end + 4);
        }
    }

    private int transfer(Ipv4Address addr, String host, int port, String request) {
        World world = ctx.world();
        long start = world.now();
        Transfer t = new Transfer(request);
        TcpSocket socket;
        try {
            socket = ctx.host().tcp().connect(addr, port, t);
        } catch (KernelException e) {
            return error(7, "Failed to connect to " + host + " port " + port + " after 0 ms: Couldn't connect to server");
        }
        long connectDeadline = connectTimeoutMs >= 0 ? start + Durations.millis(connectTimeoutMs) : Long.MAX_VALUE;
        long maxDeadline = maxTimeMs >= 0 ? start + Durations.millis(maxTimeMs) : Long.MAX_VALUE;
        // DEFAULT_CONNECT_TIMEOUT: 300 s unless --connect-timeout or a shorter -m
        if (connectTimeoutMs < 0) {
            connectDeadline = start + Durations.seconds(300);
        }
        while (!t.done) {
            long deadline = Math.min(maxDeadline, t.connected ? Long.MAX_VALUE : connectDeadline);
            long next = world.events().nextEventTime();
            if (next == Long.MAX_VALUE && deadline == Long.MAX_VALUE) {
                break; // nothing can happen any more
            }
            if (next > deadline) {
                world.runUntil(deadline);
                socket.abort();
                long ms = (world.now() - start) / Durations.NANOS_PER_MILLI;
                if (!t.connected) {
                    return error(28, "Connection timed out after " + ms + " milliseconds");
                }
                return error(28, "Operation timed out after " + ms + " milliseconds with "
                        + t.body().length() + " bytes received");
            }
            world.runUntil(next);
        }
        long ms = (world.now() - start) / Durations.NANOS_PER_MILLI;
        if (t.error != null) {
            if (t.connected) {
                return error(56, "Recv failure: Connection reset by peer");
            }
            return error(7, "Failed to connect to " + host + " port " + port + " after " + ms
                    + " ms: Couldn't connect to server");
        }
        if (!t.done) {
            return error(52, "Empty reply from server");
        }
        if (t.response.length() == 0) {
            return error(52, "Empty reply from server");
        }
        ctx.out().print(t.body());
        return 0;
    }
}
