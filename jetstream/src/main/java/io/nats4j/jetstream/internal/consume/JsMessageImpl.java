package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.MessageMetadata;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A JetStream message over a received core message: metadata parsed on first use, acks published to
 * the reply subject. The first final ack wins, recorded in one atomic reference.
 */
public final class JsMessageImpl implements JsMessage {
  private static final byte[] ACK = "+ACK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NAK = "-NAK".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TERM = "+TERM".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WPI = "+WPI".getBytes(StandardCharsets.US_ASCII);

  private final Message message;
  private final Connection connection;
  private final boolean ackNone;
  private static final VarHandle ACKED;

  static {
    try {
      ACKED = MethodHandles.lookup().findVarHandle(JsMessageImpl.class, "acked", String.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  // the first final ack, set once by compare-and-set (a field, not an object per message)
  private volatile String acked;

  private volatile MessageMetadata metadata;

  /**
   * Wraps a received message.
   *
   * @param message the message from the consumer's subscription
   * @param connection where acks are published
   * @param ackNone true when the consumer's ack policy is none
   */
  public JsMessageImpl(Message message, Connection connection, boolean ackNone) {
    this.message = message;
    this.connection = connection;
    this.ackNone = ackNone;
  }

  /**
   * Returns the size as the server counts it for {@code max_bytes}: subject + reply + headers +
   * payload.
   *
   * @return the size in bytes
   */
  public long size() {
    return sizeOf(message);
  }

  static long sizeOf(Message m) {
    long size = utf8Length(m.subject()) + m.data().length;
    String reply = m.replyTo();
    if (reply != null) {
      size += utf8Length(reply);
    }
    if (m.hasHeaders()) {
      int received = Internals.receivedHeaderBytes(m);
      size += received >= 0 ? received : headerLength(m.headers());
    }
    return size;
  }

  /** The UTF-8 length of a string, as the server counts a subject. */
  static long utf8Length(String s) {
    long n = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          n += 1;
        } else if (Character.isHighSurrogate(c)) {
          n += 2; // with its low surrogate: 4 bytes for 2 chars
          i++;
        } else {
          n += 2;
        }
      }
    }
    return n;
  }

  /**
   * The length of a header block encoded as {@code NATS/1.0\r\nk: v\r\n...\r\n}, for a message
   * whose received form is unknown.
   */
  static long headerLength(Headers h) {
    long n = 12; // "NATS/1.0\r\n" + final "\r\n"
    for (String key : h.keys()) {
      for (String value : h.get(key)) {
        n += utf8Length(key) + 2 + utf8Length(value) + 2;
      }
    }
    return n;
  }

  @Override
  public MessageMetadata metadata() {
    MessageMetadata m = metadata;
    if (m == null) {
      String reply = message.replyTo();
      if (reply == null) {
        throw new IllegalStateException(
            "message on " + message.subject() + " has no reply subject: not from a consumer");
      }
      try {
        m = MessageMetadata.parse(reply);
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      metadata = m;
    }
    return m;
  }

  @Override
  public void ack() {
    finalAck("ack", ACK);
  }

  @Override
  public void nak() {
    finalAck("nak", NAK);
  }

  @Override
  public void nak(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.isZero()) {
      throw new IllegalArgumentException("nak delay must be positive, got " + delay);
    }
    byte[] body = ("-NAK {\"delay\":" + delay.toNanos() + "}").getBytes(StandardCharsets.US_ASCII);
    finalAck("nak", body);
  }

  @Override
  public void term() {
    finalAck("term", TERM);
  }

  @Override
  public void term(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("term reason must not contain CR or LF");
    }
    if (reason.isEmpty()) {
      term();
      return;
    }
    finalAck("term", ("+TERM " + reason).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void inProgress() {
    String reply = checkAckable("inProgress");
    String done = acked;
    if (done != null) {
      throw alreadyAcked("inProgress", done);
    }
    Internals.publishToServerSubject(connection, reply, WPI);
  }

  @Override
  public void ackSync(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    String reply = checkAckable("ackSync");
    if (!ACKED.compareAndSet(this, null, "ackSync")) {
      throw alreadyAcked("ackSync", acked);
    }
    try {
      Internals.requestUnobserved(connection, reply, null, ACK, timeout);
    } catch (NatsTimeoutException e) {
      throw new NatsTimeoutException(
          "the server did not confirm the ack of stream sequence "
              + metadata().streamSequence()
              + " within "
              + timeout.toMillis()
              + " ms; it may still have been stored",
          e);
    }
  }

  @Override
  public boolean isAcked() {
    return acked != null;
  }

  private void finalAck(String what, byte[] body) {
    String reply = checkAckable(what);
    if (!ACKED.compareAndSet(this, null, what)) {
      throw alreadyAcked(what, acked);
    }
    // no writer wake-up while it lingers after a write: the acks of a batch share one write
    Internals.publishLingeringToServerSubject(connection, reply, body);
  }

  private String checkAckable(String what) {
    if (ackNone) {
      throw new IllegalStateException(
          "cannot "
              + what
              + ": the consumer's ack policy is none (an ordered consumer never takes acks)");
    }
    String reply = message.replyTo();
    if (reply == null || !reply.startsWith("$JS.ACK.")) {
      throw new IllegalStateException(
          "cannot " + what + ": the message has no JetStream ack subject");
    }
    if ("CLOSED".equals(connection.status().name())) {
      throw new ConnectionClosedException(
          "cannot " + what + ": the connection that received the message is closed");
    }
    return reply;
  }

  private IllegalStateException alreadyAcked(String what, String first) {
    return new IllegalStateException(
        "cannot "
            + what
            + ": the message was already acknowledged with "
            + first
            + " (stream sequence "
            + metadata().streamSequence()
            + ")");
  }

  @Override
  public String subject() {
    return message.subject();
  }

  @Override
  public String replyTo() {
    return message.replyTo();
  }

  @Override
  public boolean hasHeaders() {
    return message.hasHeaders();
  }

  @Override
  public Headers headers() {
    return message.headers();
  }

  @Override
  public byte[] data() {
    return message.data();
  }

  @Override
  public int statusCode() {
    return message.statusCode();
  }

  @Override
  public Subscription subscription() {
    return message.subscription();
  }

  @Override
  public void respond(byte[] data) {
    message.respond(data);
  }

  @Override
  public void respond(Headers headers, byte[] data) {
    message.respond(headers, data);
  }

  @Override
  public String toString() {
    return "JsMessage[subject=" + message.subject() + ", reply=" + message.replyTo() + "]";
  }
}
