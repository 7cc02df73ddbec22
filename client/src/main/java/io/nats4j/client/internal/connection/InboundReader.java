package io.nats4j.client.internal.connection;

import io.nats4j.client.internal.protocol.Err;
import io.nats4j.client.internal.protocol.Info;
import io.nats4j.client.internal.protocol.Msg;
import io.nats4j.client.internal.protocol.Ok;
import io.nats4j.client.internal.protocol.Ping;
import io.nats4j.client.internal.protocol.Pong;
import io.nats4j.client.internal.protocol.ProtocolParser;
import io.nats4j.client.internal.protocol.ServerOp;
import io.nats4j.client.internal.routing.Router;
import io.nats4j.client.internal.transport.Transport;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reader thread of one transport: reads into a {@link ReadBuffer} (64 or 128 KiB), parses,
 * routes; the rest of a large payload is read straight into the message's array. It never blocks on
 * anything but the socket: messages go to queues, events to the event bus, PONG answers to the
 * outbound buffer.
 *
 * <p>Thread-safety: confined to its own thread.
 */
final class InboundReader implements Runnable {
  /** What the reader reports to the connection. */
  interface Sink {
    void onInfo(Info info);

    void onServerError(String text);

    /**
     * The transport ended.
     *
     * @param transport the lost transport
     * @param cause the read failure or EOF
     * @param lastServerError the text of a {@code -ERR} that was the last op before the end (the
     *     server ends a session by sending one and closing), or null: an {@code -ERR} followed by
     *     any other op did not end the session and is not its cause
     */
    void onTransportLost(Transport transport, Throwable cause, String lastServerError);
  }

  /**
   * A payload with at least this much still to come is read from the socket straight into the
   * message's array (one copy fewer than through the read buffer, and as large a read: the JDK's
   * socket streams return at most 128 KiB per call); smaller rests go through the buffer, where one
   * read also brings the ops after them.
   */
  private static final int DIRECT_READ_MIN = 16 * 1024;

  private final Transport transport;
  private final ProtocolParser parser;
  private final List<ServerOp> leftover;
  private final Router router;
  private final Outbound outbound;
  private final Sink sink;
  private final Consumer<ServerOp> onOp = this::onOp;
  private String lastServerError; // the last op was this -ERR

  InboundReader(
      Transport transport,
      ProtocolParser parser,
      List<ServerOp> leftover,
      Router router,
      Outbound outbound,
      Sink sink) {
    this.transport = transport;
    this.parser = parser;
    parser.replySid(router::requestSid);
    this.leftover = leftover;
    this.router = router;
    this.outbound = outbound;
    this.sink = sink;
  }

  @Override
  public void run() {
    ReadBuffer buffer = new ReadBuffer();
    InputStream in = transport.in();
    try {
      leftover.forEach(onOp);
      router.flush();
      router.publishCounters();
      while (true) {
        readOnce(in, buffer);
      }
    } catch (Throwable t) {
      router.flush();
      router.publishCounters();
      sink.onTransportLost(transport, t, lastServerError);
    }
  }

  /**
   * One read and what it brought. A method of its own, not the body of {@link #run}'s loop: a loop
   * in a method entered once per connection runs interpreted until an on-stack replacement compiles
   * it (tens of thousands of iterations) and again after every deoptimization, while a method
   * called per read is compiled like any other hot method.
   */
  private void readOnce(InputStream in, ReadBuffer buffer) throws IOException {
    int room = parser.payloadRoom();
    if (room >= DIRECT_READ_MIN) {
      int n = in.read(parser.payloadArray(), parser.payloadPosition(), room);
      if (n < 0) {
        throw new EOFException("the server closed the connection");
      }
      parser.payloadRead(n);
      return;
    }
    byte[] bytes = buffer.bytes();
    int n = in.read(bytes);
    if (n < 0) {
      throw new EOFException("the server closed the connection");
    }
    parser.parse(bytes, 0, n, onOp);
    router.flush();
    router.publishCounters();
    buffer.filled(n);
  }

  private void onOp(ServerOp op) {
    if (lastServerError != null && !(op instanceof Err)) {
      lastServerError = null; // the session went on after it
    }
    if (op instanceof Msg msg) {
      router.route(msg);
      return;
    }
    router.flush(); // everything before this op is queued before it takes effect
    if (op instanceof Ping) {
      outbound.write(io.nats4j.client.internal.protocol.ProtocolWriter::pong);
    } else if (op instanceof Pong) {
      outbound.onPong();
    } else if (op instanceof Info info) {
      parser.maxPayloadBound(ProtocolParser.payloadBoundFor(info.info().maxPayload()));
      sink.onInfo(info);
    } else if (op instanceof Err err) {
      lastServerError = err.message();
      sink.onServerError(err.message());
    } else if (!(op instanceof Ok)) {
      throw new IllegalStateException("unexpected op " + op);
    }
  }
}
