package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Objects;

/**
 * The JetStream facts of a delivered message, parsed from its {@code $JS.ACK} reply subject.
 *
 * <p>Both forms the server sends are understood (ADR-15): v1, {@code
 * $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<nanos>.<pending>} (9
 * tokens), and v2, {@code $JS.ACK.<domain>.<account hash>.<stream>.<consumer>.<delivered>.<stream
 * seq>.<consumer seq>.<nanos>.<pending>[.<more>...]} (11 tokens or more, domain {@code _} meaning
 * none; tokens after the ninth field are ignored so newer servers can append).
 *
 * <pre>{@code
 * MessageMetadata m = message.metadata();
 * System.out.println(m.stream() + " #" + m.streamSequence() + " delivered " + m.numDelivered());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class MessageMetadata {
  private static final String PREFIX = "$JS.ACK.";

  private final String domain;
  private final String accountHash;
  private final String stream;
  private final String consumer;
  private final long numDelivered;
  private final long streamSequence;
  private final long consumerSequence;
  private final Instant timestamp;
  private final long numPending;

  private MessageMetadata(String domain, String accountHash, String[] t, int first) {
    this.domain = domain;
    this.accountHash = accountHash;
    this.stream = t[first];
    this.consumer = t[first + 1];
    this.numDelivered = number(t, first + 2);
    this.streamSequence = number(t, first + 3);
    this.consumerSequence = number(t, first + 4);
    long nanos = number(t, first + 5);
    this.timestamp = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    this.numPending = number(t, first + 6);
  }

  /**
   * Parses a JetStream ack subject.
   *
   * @param replySubject the reply subject of a message delivered by a JetStream consumer
   * @return the metadata
   * @throws IllegalArgumentException if the subject is not a {@code $JS.ACK} subject of either form
   */
  public static MessageMetadata parse(String replySubject) {
    Objects.requireNonNull(replySubject, "replySubject");
    if (!replySubject.startsWith(PREFIX)) {
      throw notAck(replySubject, "it does not start with $JS.ACK.");
    }
    String[] t = replySubject.split("\\.", -1);
    if (t.length == 9) {
      return new MessageMetadata(null, null, t, 2);
    }
    if (t.length >= 11) {
      String domain = "_".equals(t[2]) ? null : t[2];
      return new MessageMetadata(domain, t[3], t, 4);
    }
    throw notAck(replySubject, t.length + " tokens where 9 (v1) or 11 and more (v2) are expected");
  }

  private static long number(String[] t, int index) {
    String s = t[index];
    try {
      long v = Long.parseLong(s);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw notAck(String.join(".", t), "token " + (index + 1) + " '" + s + "' is not a number");
    }
  }

  private static IllegalArgumentException notAck(String subject, String why) {
    return new IllegalArgumentException(
        "not a JetStream ack subject (" + why + "): '" + subject + "'");
  }

  /**
   * Returns the stream.
   *
   * @return the name of the stream that stored the message
   */
  public String stream() {
    return stream;
  }

  /**
   * Returns the consumer.
   *
   * @return the name of the consumer that delivered the message
   */
  public String consumer() {
    return consumer;
  }

  /**
   * Returns the stream sequence.
   *
   * @return the message's sequence in the stream
   */
  public long streamSequence() {
    return streamSequence;
  }

  /**
   * Returns the consumer sequence.
   *
   * @return the delivery's sequence in the consumer (redeliveries get new ones)
   */
  public long consumerSequence() {
    return consumerSequence;
  }

  /**
   * Returns how often the message was delivered.
   *
   * @return 1 for the first delivery, more for redeliveries
   */
  public long numDelivered() {
    return numDelivered;
  }

  /**
   * Returns how many messages the consumer had still to deliver after this one.
   *
   * @return the pending count when the message was sent
   */
  public long numPending() {
    return numPending;
  }

  /**
   * Returns when the stream stored the message.
   *
   * @return the time, nanosecond precision
   */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * Returns the JetStream domain (v2 subjects only).
   *
   * @return the domain, or null for none (v1 subjects, or {@code _} in v2)
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the account hash (v2 subjects only).
   *
   * @return the hash, or null for v1 subjects
   */
  public String accountHash() {
    return accountHash;
  }

  @Override
  public String toString() {
    return "MessageMetadata[stream="
        + stream
        + ", consumer="
        + consumer
        + ", streamSequence="
        + streamSequence
        + ", consumerSequence="
        + consumerSequence
        + ", numDelivered="
        + numDelivered
        + ", numPending="
        + numPending
        + ", timestamp="
        + timestamp
        + (domain == null ? "" : ", domain=" + domain)
        + "]";
  }
}
