package io.nats4j.client.internal.routing;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.protocol.HeadersCodec;
import io.nats4j.client.internal.protocol.Msg;

/**
 * A received message: a thin view over the parsed {@link Msg} and its headers, decoded (and so
 * validated) by the reader when it arrived.
 *
 * <p>Thread-safety: immutable.
 */
public final class IncomingMessage implements Message {
  private static final Headers NO_HEADERS = new Headers().readOnly();

  private final Msg msg;
  private final NatsSubscription subscription;
  private final RoutingHost connection;
  private final Headers headers;

  /**
   * Wraps a parsed message, decoding its header block.
   *
   * @param msg the parsed message
   * @param subscription the receiving subscription, or null (request replies)
   * @param connection where {@link #respond} publishes
   * @throws ProtocolException if the header block is malformed
   */
  public IncomingMessage(Msg msg, NatsSubscription subscription, RoutingHost connection) {
    this.msg = msg;
    this.subscription = subscription;
    this.connection = connection;
    byte[] raw = msg.headers();
    this.headers = raw == null ? NO_HEADERS : HeadersCodec.decode(raw);
  }

  NatsSubscription subscriptionImpl() {
    return subscription;
  }

  int size() {
    return msg.totalSize();
  }

  /**
   * Returns the length of the header block as received (status line included), 0 without one.
   *
   * @return the header bytes
   */
  public int headerBytes() {
    byte[] raw = msg.headers();
    return raw == null ? 0 : raw.length;
  }

  @Override
  public String subject() {
    return msg.subject();
  }

  @Override
  public String replyTo() {
    return msg.replyTo();
  }

  @Override
  public boolean hasHeaders() {
    return msg.headers() != null;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public byte[] data() {
    return msg.payload();
  }

  @Override
  public int statusCode() {
    return statusCode(msg.headers());
  }

  /**
   * Reads the status code of a raw header block without decoding the headers.
   *
   * @param raw the header block, or null
   * @return the three-digit code after {@code NATS/1.0 }, or 0
   */
  static int statusCode(byte[] raw) {
    // "NATS/1.0 503\r\n..." : the code sits at bytes 9..11
    if (raw == null || raw.length < 12 || raw[8] != ' ') {
      return 0;
    }
    int code = 0;
    for (int i = 9; i < 12; i++) {
      int d = raw[i] - '0';
      if (d < 0 || d > 9) {
        return 0;
      }
      code = code * 10 + d;
    }
    return code;
  }

  @Override
  public Subscription subscription() {
    return subscription;
  }

  @Override
  public void respond(byte[] data) {
    respond(null, data);
  }

  @Override
  public void respond(Headers replyHeaders, byte[] data) {
    String reply = msg.replyTo();
    if (reply == null) {
      throw new IllegalStateException("message on " + msg.subject() + " has no reply subject");
    }
    connection.respond(reply, replyHeaders, data);
  }

  @Override
  public String toString() {
    return "Message[subject="
        + msg.subject()
        + ", replyTo="
        + msg.replyTo()
        + ", headerBytes="
        + (msg.headers() == null ? 0 : msg.headers().length)
        + ", bytes="
        + msg.payload().length
        + "]";
  }
}
