package io.nats4j.client.internal.protocol;

import static io.nats4j.client.internal.protocol.OpText.isBlank;
import static io.nats4j.client.internal.protocol.OpText.opAlone;
import static io.nats4j.client.internal.protocol.OpText.opIs;
import static io.nats4j.client.internal.protocol.OpText.opWithArgs;
import static io.nats4j.client.internal.protocol.OpText.skipBlanks;
import static io.nats4j.client.internal.protocol.OpText.unknownOp;

import io.nats4j.client.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A streaming parser for the ops a NATS server sends: {@code INFO}, {@code MSG}, {@code HMSG},
 * {@code PING}, {@code PONG}, {@code +OK}, {@code -ERR}.
 *
 * <p>Feed it whatever the socket returned: an op may be split at any byte and one read may carry
 * many ops. Complete ops are handed to the sink in order. Op names are matched case-insensitively,
 * arguments may be separated by spaces or tabs, lines must end in CRLF.
 *
 * <p>Everything is bounded before anything is allocated: a control line longer than {@code
 * maxControlLine} ({@code INFO} lines may grow to {@link #MAX_INFO_LINE}, {@code MSG}/{@code HMSG}
 * lines to {@link #MESSAGE_LINE_FACTOR} × {@code maxControlLine}), a declared size that is not a
 * decimal number or exceeds {@code maxPayloadBound} (the server's {@code max_payload} plus {@link
 * #SERVER_HEADER_ALLOWANCE}, see {@link #payloadBoundFor}), a header length above the total length,
 * a CR not followed by LF or a payload not followed by CRLF all throw {@link ProtocolException}.
 * The arrays of a message that arrives in pieces grow with the bytes received, not to its declared
 * size.
 *
 * <p>After any exception (from the parser or from the sink) the parser is dead: the byte stream is
 * no longer in a known state, so the connection must be dropped; further calls throw {@link
 * ProtocolException} until {@link #reset()}.
 *
 * <p>Thread-safety: none; one reader thread owns a parser.
 */
public final class ProtocolParser {
  /** The server's own limit for a control line ({@code MAX_CONTROL_LINE_SIZE}). */
  public static final int DEFAULT_MAX_CONTROL_LINE = 4096;

  /**
   * The limit for {@code INFO} lines, which carry {@code connect_urls} and can outgrow the control
   * line limit in large clusters.
   */
  public static final int MAX_INFO_LINE = 1 << 20;

  /**
   * {@code MSG}/{@code HMSG} lines may be this many times {@code maxControlLine}: the server bounds
   * only the arguments a client publishes with; what it delivers adds the op and the sid, and may
   * carry subjects and replies it rewrote (mappings, imports, republish). The server itself allows
   * 16 × {@code max_control_line} for the same frames from routes, leaf nodes and gateways.
   */
  public static final int MESSAGE_LINE_FACTOR = 16;

  /**
   * What a delivered message may carry beyond the server's {@code max_payload}: the server checks
   * what clients publish against it, then may add headers of its own (JetStream's {@code Nats-*}
   * headers on republish, direct get and sourcing, message tracing).
   */
  public static final int SERVER_HEADER_ALLOWANCE = 64 * 1024;

  /** The server's own ceiling for {@code max_payload}, used while the server announced none. */
  public static final int SERVER_MAX_PAYLOAD_CEILING = 64 * 1024 * 1024;

  /**
   * The bound for replies to requests (the sid {@link #replySid} names): the server answers
   * JetStream API requests itself and does not hold those answers to {@code max_payload} (a stream
   * info listing many subjects runs to megabytes), so they may be as large as the server's ceiling
   * for {@code max_payload}.
   */
  public static final int REPLY_BOUND = SERVER_MAX_PAYLOAD_CEILING + SERVER_HEADER_ALLOWANCE;

  /**
   * A message declared up to this size gets its arrays at their exact sizes at once: no growing
   * (each step copies what arrived and zeroes the rest) and room for the reader to read the socket
   * straight into the payload ({@link #payloadRoom()}). The parser holds one message in progress,
   * so a server can make it hold at most this much on a claim.
   */
  static final int EXACT_ALLOCATION_LIMIT = 1024 * 1024;

  /** Larger payload arrays start at most this large and grow as bytes arrive, never to a claim. */
  private static final int INITIAL_PAYLOAD_CAPACITY = 64 * 1024;

  private enum State {
    LINE,
    LINE_LF,
    PAYLOAD,
    PAYLOAD_CR,
    PAYLOAD_LF,
    DEAD
  }

  private final int maxControlLine;
  private final int maxMessageLine;
  private final MsgArgs args;

  private State state = State.LINE;
  private byte[] partialLine = new byte[256];
  private int partialLength;

  // The message whose control line was parsed (args) and whose payload is still arriving.
  private byte[] msgHeaders;
  private byte[] msgPayload;
  private int msgReceived;

  /**
   * Creates a parser.
   *
   * @param maxControlLine the longest control line accepted, excluding CRLF (the server uses
   *     {@value #DEFAULT_MAX_CONTROL_LINE}); message lines may be {@value #MESSAGE_LINE_FACTOR}
   *     times longer
   * @param maxPayloadBound the largest total message size accepted; larger declared sizes fail
   *     before any allocation
   */
  public ProtocolParser(int maxControlLine, int maxPayloadBound) {
    if (maxControlLine < 32) {
      throw new IllegalArgumentException("maxControlLine must be >= 32, was " + maxControlLine);
    }
    if (maxPayloadBound < 0) {
      throw new IllegalArgumentException("maxPayloadBound must be >= 0, was " + maxPayloadBound);
    }
    this.maxControlLine = maxControlLine;
    this.maxMessageLine =
        (int) Math.min((long) maxControlLine * MESSAGE_LINE_FACTOR, Integer.MAX_VALUE);
    this.args = new MsgArgs(maxPayloadBound);
  }

  /**
   * Parses the next bytes of the stream and emits every op they complete.
   *
   * @param buffer the bytes; not retained after the call returns
   * @param offset where the new bytes start
   * @param length how many new bytes
   * @param sink receives complete ops in stream order
   * @throws ProtocolException if the bytes break the protocol; the parser is dead afterwards
   */
  public void parse(byte[] buffer, int offset, int length, Consumer<ServerOp> sink) {
    if (state == State.DEAD) {
      throw new ProtocolException("parser already failed on an earlier protocol error");
    }
    try {
      int pos = offset;
      int end = offset + length;
      while (pos < end) {
        pos =
            switch (state) {
              case LINE -> readLine(buffer, pos, end, sink);
              case LINE_LF -> readLineFeed(buffer, pos, end, sink);
              case PAYLOAD -> readPayload(buffer, pos, end);
              case PAYLOAD_CR -> expectByte(buffer[pos], (byte) '\r', State.PAYLOAD_LF, pos, sink);
              case PAYLOAD_LF -> expectByte(buffer[pos], (byte) '\n', State.LINE, pos, sink);
              case DEAD -> throw new IllegalStateException("unreachable");
            };
      }
    } catch (RuntimeException | Error e) {
      state = State.DEAD;
      throw e;
    }
  }

  /**
   * The bound for a declared message size given the server's announced {@code max_payload}.
   *
   * @param maxPayload from INFO; 0 or less when the server announced none
   * @return {@code max_payload} plus {@link #SERVER_HEADER_ALLOWANCE}
   */
  public static int payloadBoundFor(long maxPayload) {
    long base = maxPayload > 0 ? maxPayload : SERVER_MAX_PAYLOAD_CEILING;
    return (int) Math.min(base + SERVER_HEADER_ALLOWANCE, Integer.MAX_VALUE - 8);
  }

  /**
   * Changes the largest total message size accepted from now on (after the server's INFO).
   *
   * @param bound in bytes, not negative
   */
  public void maxPayloadBound(int bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("maxPayloadBound must be >= 0, was " + bound);
    }
    args.maxPayloadBound(bound);
  }

  /**
   * Names the sid of the request inbox, whose messages are bounded by {@link #REPLY_BOUND} instead
   * of the server's {@code max_payload}; consulted only for a size over {@code maxPayloadBound}.
   *
   * @param sid the current request inbox sid, or -1
   */
  public void replySid(LongSupplier sid) {
    args.replySid(sid);
  }

  /** The capacity held for the message in progress, for tests: it follows what arrived. */
  int heldBytes() {
    return (msgHeaders == null ? 0 : msgHeaders.length)
        + (msgPayload == null ? 0 : msgPayload.length);
  }

  /** Forgets all state, including a failure, so the parser can serve a new connection. */
  public void reset() {
    state = State.LINE;
    partialLength = 0;
    clearMessage();
  }

  private int readLine(byte[] buf, int pos, int end, Consumer<ServerOp> sink) {
    int i = ByteScan.lineEnd(buf, pos, end);
    byte c = i < end ? buf[i] : 0;
    int lineLength = partialLength + (i - pos);
    if (lineLength > maxControlLine) {
      checkLongLine(buf, pos, i, lineLength);
    }
    if (i == end) {
      appendPartial(buf, pos, i);
      return end;
    }
    if (c == '\n') {
      throw new ProtocolException("protocol error: LF without CR in a control line");
    }
    if (i + 1 == end) {
      appendPartial(buf, pos, i);
      state = State.LINE_LF;
      return end;
    }
    if (buf[i + 1] != '\n') {
      throw new ProtocolException("protocol error: CR not followed by LF in a control line");
    }
    int next = i + 2;
    if (partialLength == 0) {
      return processLine(buf, pos, i, buf, next, end, sink);
    }
    appendPartial(buf, pos, i);
    return processPartialLine(buf, next, end, sink);
  }

  private int readLineFeed(byte[] buf, int pos, int end, Consumer<ServerOp> sink) {
    if (buf[pos] != '\n') {
      throw new ProtocolException("protocol error: CR not followed by LF in a control line");
    }
    return processPartialLine(buf, pos + 1, end, sink);
  }

  private int processPartialLine(byte[] buf, int next, int end, Consumer<ServerOp> sink) {
    int len = partialLength;
    partialLength = 0;
    state = State.LINE;
    return processLine(partialLine, 0, len, buf, next, end, sink);
  }

  /** Called once a line is longer than {@code maxControlLine}, so it has at least 32 bytes. */
  private void checkLongLine(byte[] buf, int pos, int i, int lineLength) {
    byte[] head = new byte[4];
    int n = Math.min(partialLength, 4);
    System.arraycopy(partialLine, 0, head, 0, n);
    System.arraycopy(buf, pos, head, n, 4 - n);
    int limit = maxControlLine;
    if (opIs(head, 0, 4, "INFO")) {
      limit = Math.max(maxControlLine, MAX_INFO_LINE);
    } else if (opIs(head, 0, 4, "HMSG") || (opIs(head, 0, 3, "MSG") && isBlank(head[3]))) {
      limit = maxMessageLine;
    }
    if (lineLength > limit) {
      throw new ProtocolException(
          "protocol error: control line longer than " + limit + " bytes without CRLF");
    }
  }

  private void appendPartial(byte[] buf, int from, int to) {
    int n = to - from;
    if (partialLength + n > partialLine.length) {
      partialLine = Arrays.copyOf(partialLine, Math.max(partialLength + n, partialLine.length * 2));
    }
    System.arraycopy(buf, from, partialLine, partialLength, n);
    partialLength += n;
  }

  /**
   * Handles one complete control line {@code line[ls, le)}; {@code buf[next, end)} holds the bytes
   * after its CRLF. Returns the position in {@code buf} where parsing continues.
   */
  private int processLine(
      byte[] line, int ls, int le, byte[] buf, int next, int end, Consumer<ServerOp> sink) {
    if (le - ls < 3) {
      throw unknownOp(line, ls, le);
    }
    switch (line[ls]) {
      case 'M', 'm' -> {
        if (opWithArgs(line, ls, le, "MSG")) {
          args.parse(line, ls + 3, le, false);
          return startPayload(buf, next, end, sink);
        }
      }
      case 'H', 'h' -> {
        if (opWithArgs(line, ls, le, "HMSG")) {
          args.parse(line, ls + 4, le, true);
          return startPayload(buf, next, end, sink);
        }
      }
      case 'P', 'p' -> {
        if (opAlone(line, ls, le, "PING")) {
          sink.accept(Ping.INSTANCE);
          return next;
        }
        if (opAlone(line, ls, le, "PONG")) {
          sink.accept(Pong.INSTANCE);
          return next;
        }
      }
      case '+' -> {
        if (opAlone(line, ls, le, "+OK")) {
          sink.accept(Ok.INSTANCE);
          return next;
        }
      }
      case '-' -> {
        if (opWithArgs(line, ls, le, "-ERR") || opAlone(line, ls, le, "-ERR")) {
          sink.accept(new Err(OpText.errText(line, ls + 4, le)));
          return next;
        }
      }
      case 'I', 'i' -> {
        if (opWithArgs(line, ls, le, "INFO")) {
          int s = skipBlanks(line, ls + 4, le);
          sink.accept(Info.fromJson(new String(line, s, le - s, StandardCharsets.UTF_8)));
          return next;
        }
      }
      default -> {}
    }
    throw unknownOp(line, ls, le);
  }

  private int startPayload(byte[] buf, int next, int end, Consumer<ServerOp> sink) {
    int total = args.totalLength;
    if (end - next >= total + 2) {
      if (buf[next + total] != '\r' || buf[next + total + 1] != '\n') {
        throw missingPayloadCrlf();
      }
      byte[] headers = null;
      int payloadStart = next;
      if (args.headerLength >= 0) {
        headers = Arrays.copyOfRange(buf, next, next + args.headerLength);
        payloadStart += args.headerLength;
      }
      byte[] payload = Arrays.copyOfRange(buf, payloadStart, next + total);
      Msg msg = new Msg(args.subject, args.sid, args.replyTo, headers, payload);
      clearMessage();
      sink.accept(msg);
      return next + total + 2;
    }
    int hdr = Math.max(args.headerLength, 0);
    int initial = total <= EXACT_ALLOCATION_LIMIT ? total : INITIAL_PAYLOAD_CAPACITY;
    msgHeaders = args.headerLength >= 0 ? new byte[Math.min(hdr, initial)] : null;
    msgPayload = new byte[Math.min(total - hdr, initial)];
    msgReceived = 0;
    state = total == 0 ? State.PAYLOAD_CR : State.PAYLOAD;
    return next;
  }

  private int readPayload(byte[] buf, int pos, int end) {
    int n = Math.min(end - pos, args.totalLength - msgReceived);
    int hdr = Math.max(args.headerLength, 0);
    int copied = 0;
    if (msgReceived < hdr) {
      int h = Math.min(n, hdr - msgReceived);
      msgHeaders = grow(msgHeaders, msgReceived + h, hdr);
      System.arraycopy(buf, pos, msgHeaders, msgReceived, h);
      copied = h;
    }
    if (copied < n) {
      int at = msgReceived + copied - hdr;
      msgPayload = grow(msgPayload, at + n - copied, args.totalLength - hdr);
      System.arraycopy(buf, pos + copied, msgPayload, at, n - copied);
    }
    msgReceived += n;
    if (msgReceived == args.totalLength) {
      state = State.PAYLOAD_CR;
    }
    return pos + n;
  }

  /**
   * How many bytes of the payload of the message in progress the caller may write straight into
   * {@link #payloadArray()} at {@link #payloadPosition()} (then it reports them with {@link
   * #payloadRead(int)} instead of passing them to {@link #parse}): the rest of the payload when its
   * array already has room for it, else 0. The reader uses it to read a large payload from the
   * socket into the message itself, one copy fewer than through its read buffer.
   *
   * @return the bytes that may be read into the payload array, 0 if none
   */
  public int payloadRoom() {
    if (state != State.PAYLOAD) {
      return 0;
    }
    int hdr = Math.max(args.headerLength, 0);
    if (msgReceived < hdr || msgPayload.length < args.totalLength - hdr) {
      return 0;
    }
    return args.totalLength - msgReceived;
  }

  /**
   * The payload array of the message in progress (see {@link #payloadRoom()}).
   *
   * @return the array the next payload bytes go to
   */
  public byte[] payloadArray() {
    return msgPayload;
  }

  /**
   * Where the next payload byte goes in {@link #payloadArray()} (see {@link #payloadRoom()}).
   *
   * @return the index
   */
  public int payloadPosition() {
    return msgReceived - Math.max(args.headerLength, 0);
  }

  /**
   * Records {@code n} payload bytes the caller wrote into {@link #payloadArray()} at {@link
   * #payloadPosition()}.
   *
   * @param n at most {@link #payloadRoom()}
   * @throws IllegalArgumentException if {@code n} is more than the room
   */
  public void payloadRead(int n) {
    int room = payloadRoom();
    if (n < 0 || n > room) {
      throw new IllegalArgumentException(
          "read " + n + " bytes into a payload with room for " + room);
    }
    msgReceived += n;
    if (msgReceived == args.totalLength) {
      state = State.PAYLOAD_CR;
    }
  }

  /**
   * Room for {@code need} bytes, doubling up to {@code max}: the last step lands exactly on {@code
   * max}, so a complete message's arrays have its exact sizes.
   */
  private static byte[] grow(byte[] a, int need, int max) {
    if (need <= a.length) {
      return a;
    }
    return Arrays.copyOf(a, (int) Math.min(max, Math.max(need, 2L * a.length)));
  }

  private int expectByte(
      byte actual, byte expected, State nextState, int pos, Consumer<ServerOp> sink) {
    if (actual != expected) {
      throw missingPayloadCrlf();
    }
    state = nextState;
    if (nextState == State.LINE) {
      Msg msg = new Msg(args.subject, args.sid, args.replyTo, msgHeaders, msgPayload);
      clearMessage();
      sink.accept(msg);
    }
    return pos + 1;
  }

  private void clearMessage() {
    args.clear();
    msgHeaders = null;
    msgPayload = null;
    msgReceived = 0;
  }

  private static ProtocolException missingPayloadCrlf() {
    return new ProtocolException("protocol error: message payload is not followed by CRLF");
  }
}
