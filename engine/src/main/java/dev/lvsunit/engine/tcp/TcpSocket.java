package dev.lvsunit.engine.tcp;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.TcpOptions;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.sim.Timer;

/**
 * One TCP connection endpoint ({@code struct tcp_sock}, with the request sock
 * of a passive open folded in).
 *
 * <p>What is modelled: the three-way handshake with SYN and SYN-ACK
 * retransmission on the virtual clock (RTO 1 s, doubling; {@code tcp_syn_retries}
 * 6, {@code tcp_synack_retries} 5), in-order data, FIN and RST on both sides,
 * TIME_WAIT (60 s) and the orphaned FIN_WAIT2 timeout ({@code tcp_fin_timeout},
 * 60 s), timestamps and window scale in the options as Linux sends them. What is
 * not: retransmission of data and FIN (the simulated wire loses nothing once
 * a connection is up), congestion control, SACK blocks, delayed ACK timers
 * (every ACK is sent once the application had its chance to answer).
 *
 * <p>Sequence numbers are unsigned 32-bit values held in {@code long}s.
 */
public final class TcpSocket {

    /** {@code TCP_TIMEOUT_INIT}: the first retransmission timeout. */
    static final long RTO_INIT = Durations.seconds(1);
    /** {@code tcp_syn_retries}. */
    static final int SYN_RETRIES = 6;
    /** {@code tcp_synack_retries}. */
    static final int SYNACK_RETRIES = 5;
    /** {@code TCP_TIMEWAIT_LEN}. */
    static final long TIME_WAIT_LEN = Durations.seconds(60);
    /** {@code tcp_fin_timeout}. */
    static final long FIN_TIMEOUT = Durations.seconds(60);
    /** Window scale Linux advertises with the default {@code tcp_rmem} of current kernels. */
    static final int WINDOW_SCALE = 10;
    /** The window a client advertises in its SYN. */
    static final int SYN_WINDOW = 64240;
    /** The window a server advertises in its SYN-ACK. */
    static final int SYNACK_WINDOW = 65160;

    private final Tcp tcp;
    private final Ipv4Address localAddress;
    private final int localPort;
    private final Ipv4Address remoteAddress;
    private final int remotePort;
    private final boolean passive;
    private final TcpListener listener;
    private final long tsOffset;
    private final int mss;
    private TcpState state;
    private TcpHandler handler;
    private long iss;
    private long sndUna;
    private long sndNxt;
    private long irs;
    private long rcvNxt;
    private long tsRecent;
    private boolean finSent;
    private boolean ackPending;
    private boolean flushScheduled;
    private int retries;
    private long rto = RTO_INIT;
    private Timer timer;

    TcpSocket(Tcp tcp, Ipv4Address localAddress, int localPort, Ipv4Address remoteAddress, int remotePort,
              boolean passive, TcpListener listener, long iss, long tsOffset, int mss) {
        this.tcp = tcp;
        this.localAddress = localAddress;
        this.localPort = localPort;
        this.remoteAddress = remoteAddress;
        this.remotePort = remotePort;
        this.passive = passive;
        this.listener = listener;
        this.iss = iss;
        this.sndUna = iss;
        this.sndNxt = iss;
        this.tsOffset = tsOffset;
        this.mss = mss;
        this.state = TcpState.CLOSED;
    }

    public Ipv4Address localAddress() {
        return localAddress;
    }

    public int localPort() {
        return localPort;
    }

    public Ipv4Address remoteAddress() {
        return remoteAddress;
    }

    public int remotePort() {
        return remotePort;
    }

    public TcpState state() {
        return state;
    }

    /** Whether this side opened the connection passively (accepted on a listener). */
    public boolean passive() {
        return passive;
    }

    /**
     * {@code send}: queues data and sends it at once, in MSS-sized segments
     * with PSH on the last. Ignored unless the connection is synchronized and
     * this side has not closed.
     */
    public void send(String data) {
        if (data.isEmpty() || finSent
                || (state != TcpState.ESTABLISHED && state != TcpState.CLOSE_WAIT)) {
            return;
        }
        int off = 0;
        while (off < data.length()) {
            int end = Math.min(data.length(), off + mss);
            int flags = TcpSegment.ACK | (end == data.length() ? TcpSegment.PSH : 0);
            String chunk = data.substring(off, end);
            transmit(sndNxt, flags, chunk);
            sndNxt = seq(sndNxt + chunk.length());
            off = end;
        }
    }

    /**
     * {@code close}: in ESTABLISHED sends FIN (FIN_WAIT1), in CLOSE_WAIT sends
     * FIN (LAST_ACK); before the connection is synchronized the socket simply
     * goes away.
     */
    public void close() {
        switch (state) {
            case ESTABLISHED:
                sendFin();
                state = TcpState.FIN_WAIT1;
                break;
            case CLOSE_WAIT:
                sendFin();
                state = TcpState.LAST_ACK;
                break;
            case SYN_SENT:
            case SYN_RECV:
            case LISTEN:
                destroy();
                break;
            default:
                break;
        }
        handler = null;
    }

    /** Aborts the connection: a RST if it was synchronized, then the socket is gone ({@code SO_LINGER 0}). */
    public void abort() {
        if (state == TcpState.ESTABLISHED || state == TcpState.CLOSE_WAIT || state == TcpState.FIN_WAIT1
                || state == TcpState.FIN_WAIT2) {
            transmitRaw(sndNxt, rcvNxt, TcpSegment.RST | TcpSegment.ACK, "", TcpOptions.NONE, 0);
        }
        handler = null;
        destroy();
    }

    // ---- kernel side

    /** {@code tcp_v4_connect} → {@code tcp_connect}: sends the SYN and arms the retransmission timer. */
    void connect(TcpHandler h) {
        this.handler = h;
        state = TcpState.SYN_SENT;
        sendSyn();
        sndNxt = seq(iss + 1);
        armRetransmit();
    }

    /** {@code tcp_conn_request}: a SYN reached a listener; answer with SYN-ACK. */
    void synReceived(TcpSegment syn) {
        state = TcpState.SYN_RECV;
        irs = syn.sequence();
        rcvNxt = seq(irs + 1);
        noteTimestamp(syn);
        sendSynAck();
        sndNxt = seq(iss + 1);
        armRetransmit();
    }

    private void sendSyn() {
        transmitRaw(iss, 0, TcpSegment.SYN, "", TcpOptions.syn(mss, tsVal(), 0, WINDOW_SCALE), SYN_WINDOW);
    }

    private void sendSynAck() {
        transmitRaw(iss, rcvNxt, TcpSegment.SYN | TcpSegment.ACK, "",
                TcpOptions.syn(mss, tsVal(), tsRecent, WINDOW_SCALE), SYNACK_WINDOW);
    }

    private void sendFin() {
        finSent = true;
        transmit(sndNxt, TcpSegment.FIN | TcpSegment.ACK, "");
        sndNxt = seq(sndNxt + 1);
    }

    private void sendAck() {
        transmit(sndNxt, TcpSegment.ACK, "");
    }

    /** A segment of the synchronized connection: carries our ACK and the timestamp option. */
    private void transmit(long sequence, int flags, String data) {
        int window = (((passive ? SYNACK_WINDOW : SYN_WINDOW) + (1 << WINDOW_SCALE) - 1) >> WINDOW_SCALE);
        transmitRaw(sequence, rcvNxt, flags, data, TcpOptions.timestamp(tsVal(), tsRecent), window);
        ackPending = false;
    }

    private void transmitRaw(long sequence, long ack, int flags, String data, TcpOptions options, int window) {
        tcp.output(localAddress, remoteAddress,
                new TcpSegment(localPort, remotePort, sequence, ack, flags, window, data, options));
    }

    /** {@code tcp_time_stamp_ts}: milliseconds of the virtual clock plus the connection's random offset. */
    private long tsVal() {
        return seq(tcp.now() / Durations.NANOS_PER_MILLI + tsOffset);
    }

    private void noteTimestamp(TcpSegment s) {
        if (s.options().timestamps()) {
            tsRecent = s.options().tsVal();
        }
    }

    private void armRetransmit() {
        cancelTimer();
        timer = tcp.schedule(rto, this::retransmitTimer);
    }

    /** {@code tcp_retransmit_timer} for the handshake; {@code inet_rtx_syn_ack} for a request sock. */
    private void retransmitTimer() {
        timer = null;
        if (state == TcpState.SYN_SENT) {
            if (retries >= SYN_RETRIES) {
                fail(TcpError.ETIMEDOUT);
                return;
            }
            retries++;
            sendSyn();
        } else if (state == TcpState.SYN_RECV) {
            if (retries >= SYNACK_RETRIES) {
                destroy(); // the request sock is dropped silently
                return;
            }
            retries++;
            sendSynAck();
        } else {
            return;
        }
        rto *= 2;
        armRetransmit();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** {@code tcp_rcv_state_process}, reduced to what the model needs. */
    void segmentArrived(TcpSegment s) {
        switch (state) {
            case SYN_SENT:
                synSentArrived(s);
                return;
            case SYN_RECV:
                if (s.has(TcpSegment.RST)) {
                    destroy();
                    return;
                }
                if (s.has(TcpSegment.SYN)) {
                    if (s.sequence() == irs) {
                        sendSynAck(); // a retransmitted SYN: resend the SYN-ACK
                    }
                    return;
                }
                if (!s.has(TcpSegment.ACK) || s.acknowledgment() != seq(iss + 1)) {
                    return;
                }
                cancelTimer();
                sndUna = s.acknowledgment();
                state = TcpState.ESTABLISHED;
                noteTimestamp(s);
                TcpHandler h = listener.acceptor().accept(this);
                this.handler = h;
                break;
            case TIME_WAIT:
                if (s.has(TcpSegment.FIN) && !s.has(TcpSegment.RST)) {
                    sendAck();
                    enterTimeWait();
                }
                return;
            case CLOSED:
            case LISTEN:
                return;
            default:
                break;
        }
        synchronizedArrived(s);
    }

    private void synSentArrived(TcpSegment s) {
        boolean ackOk = s.has(TcpSegment.ACK) && s.acknowledgment() == seq(iss + 1);
        if (s.has(TcpSegment.ACK) && !ackOk) {
            if (!s.has(TcpSegment.RST)) {
                transmitRaw(s.acknowledgment(), 0, TcpSegment.RST, "", TcpOptions.NONE, 0);
            }
            return;
        }
        if (s.has(TcpSegment.RST)) {
            if (ackOk) {
                fail(TcpError.ECONNREFUSED);
            }
            return;
        }
        if (!s.has(TcpSegment.SYN) || !ackOk) {
            return;
        }
        cancelTimer();
        irs = s.sequence();
        rcvNxt = seq(irs + 1);
        sndUna = s.acknowledgment();
        noteTimestamp(s);
        state = TcpState.ESTABLISHED;
        sendAck();
        wakeUp(h -> h.connected(this));
    }

    private void synchronizedArrived(TcpSegment s) {
        if (s.has(TcpSegment.RST)) {
            if (inWindow(s.sequence())) {
                boolean quiet = state == TcpState.LAST_ACK || state == TcpState.CLOSING;
                if (quiet) {
                    destroy();
                } else {
                    fail(TcpError.ECONNRESET);
                }
            }
            return;
        }
        if (s.has(TcpSegment.SYN)) {
            sendAck(); // challenge ACK (tcp_send_challenge_ack)
            return;
        }
        noteTimestamp(s);
        if (s.has(TcpSegment.ACK)) {
            long ack = s.acknowledgment();
            if (after(ack, sndUna) && !after(ack, sndNxt)) {
                sndUna = ack;
            }
            if (finSent && sndUna == sndNxt) {
                switch (state) {
                    case FIN_WAIT1:
                        state = TcpState.FIN_WAIT2;
                        cancelTimer();
                        // an orphaned FIN_WAIT2 socket lives tcp_fin_timeout
                        timer = tcp.schedule(FIN_TIMEOUT, this::destroy);
                        break;
                    case CLOSING:
                        enterTimeWait();
                        return;
                    case LAST_ACK:
                        destroy();
                        return;
                    default:
                        break;
                }
            }
        }
        boolean fin = s.has(TcpSegment.FIN);
        String data = s.data();
        if (!data.isEmpty() || fin) {
            if (s.sequence() != rcvNxt) {
                sendAck(); // out of order or duplicate: a duplicate ACK
                return;
            }
        }
        if (!data.isEmpty()) {
            if (state == TcpState.ESTABLISHED || state == TcpState.FIN_WAIT1 || state == TcpState.FIN_WAIT2) {
                rcvNxt = seq(rcvNxt + data.length());
                ackPending = true;
                wakeUp(h -> h.received(this, data));
            }
        }
        if (fin) {
            rcvNxt = seq(rcvNxt + 1);
            ackPending = true;
            switch (state) {
                case ESTABLISHED:
                    state = TcpState.CLOSE_WAIT;
                    break;
                case FIN_WAIT1:
                    state = TcpState.CLOSING;
                    break;
                case FIN_WAIT2:
                    enterTimeWait();
                    break;
                default:
                    break;
            }
            wakeUp(h -> h.finReceived(this));
        }
        if (ackPending) {
            scheduleAckFlush();
        }
    }

    /** The ACK goes out after the application had its chance to answer with data. */
    private void scheduleAckFlush() {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        tcp.schedule(0, () -> {
            flushScheduled = false;
            if (ackPending && state != TcpState.CLOSED) {
                sendAck();
            }
        });
    }

    private void enterTimeWait() {
        state = TcpState.TIME_WAIT;
        cancelTimer();
        timer = tcp.schedule(TIME_WAIT_LEN, this::destroy);
    }

    private void wakeUp(java.util.function.Consumer<TcpHandler> call) {
        tcp.schedule(0, () -> {
            if (handler != null) {
                call.accept(handler);
            }
        });
    }

    /** The connection failed: the socket closes and the application hears why. */
    void fail(TcpError error) {
        TcpHandler h = handler;
        handler = null;
        destroy();
        if (h != null) {
            tcp.schedule(0, () -> h.failed(this, error));
        }
    }

    /** An ICMP error about a segment of ours ({@code tcp_v4_err}): fatal while the handshake runs. */
    void icmpError(TcpError error) {
        if (state == TcpState.SYN_SENT) {
            fail(error);
        }
    }

    void destroy() {
        cancelTimer();
        state = TcpState.CLOSED;
        tcp.unhash(this);
    }

    private boolean inWindow(long sequence) {
        // RFC 5961 would demand an exact match; the simulated peers never send stray RSTs
        return !after(rcvNxt, sequence) || sequence == rcvNxt;
    }

    static long seq(long value) {
        return value & 0xffffffffL;
    }

    /** {@code after(a, b)}: a is later than b in sequence space. */
    static boolean after(long a, long b) {
        return (int) (b - a) < 0;
    }
}
