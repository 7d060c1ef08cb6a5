package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.tcp.TcpHandler;
import dev.lvsunit.engine.tcp.TcpSocket;
import dev.lvsunit.tools.spi.CommandContext;
import java.util.List;

/**
 * {@code serve PORT TEXT}: the spec format's one invented command. The host
 * answers HTTP/1.1 GET requests on TCP PORT, on every local address, with
 * status 200 and the body TEXT followed by a newline, and closes the
 * connection after each response. The server keeps running after the
 * command returns (it is a daemon); a second {@code serve} on the same port
 * replaces the text.
 *
 * <p>The response is
 * <pre>
 * HTTP/1.1 200 OK\r\n
 * Content-Type: text/plain\r\n
 * Content-Length: N\r\n
 * Connection: close\r\n
 * \r\n
 * TEXT\n
 * </pre>
 * written in one segment, followed by the FIN of {@code close()}.
 */
final class HttpServe {

    private HttpServe() {
    }

    static int run(CommandContext ctx, List<String> args) {
        if (args.size() != 2) {
            ctx.err().println("usage: serve PORT TEXT");
            return 2;
        }
        int port = Ipvsadm.stringToNumber(args.get(0), 1, 65535);
        if (port < 0) {
            ctx.err().println("serve: invalid port '" + args.get(0) + "'");
            return 2;
        }
        String body = args.get(1) + "\n";
        ctx.host().tcp().listener(port).ifPresent(l -> l.close());
        try {
            ctx.host().tcp().listen(port, socket -> new Connection(body));
        } catch (KernelException e) {
            if (e.errno() == Errno.EADDRINUSE) {
                ctx.err().println("serve: port " + port + ": Address already in use");
                return 1;
            }
            throw new IllegalStateException(e);
        }
        return 0;
    }

    static String response(String body) {
        return "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + body;
    }

    /** One accepted connection: reads the request head, answers, closes. */
    private static final class Connection implements TcpHandler {
        private final String body;
        private final StringBuilder request = new StringBuilder();
        private boolean answered;

        Connection(String body) {
            this.body = body;
        }

        @Override
        public void received(TcpSocket s, String data) {
            request.append(data);
            if (!answered && request.indexOf("\r\n\r\n") >= 0) {
                answered = true;
                s.send(response(body));
                s.close();
            }
        }

        @Override
        public void finReceived(TcpSocket s) {
            s.close();
        }
    }
}
