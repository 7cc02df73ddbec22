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

  private MessageMetadata(String s, int[] start, int first, String domain, String accountHash) {
    this.domain = domain;
    this.accountHash = accountHash;
    this.stream = token(s, start, first);
    this.consumer = token(s, start, first + 1);
    this.numDelivered = number(s, start, first + 2);
    this.streamSequence = number(s, start, first + 3);
    this.consumerSequence = number(s, start, first + 4);
    long nanos = number(s, start, first + 5);
    this.timestamp = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    this.numPending = number(s, start, first + 6);
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
    // One pass over the subject, no regex and no String per token: every message of an ordered
    // consume is parsed here. start[i] is where token i begins; token i ends before start[i + 1].
    int tokens = 1;
    for (int i = 0, n = replySubject.length(); i < n; i++) {
      if (replySubject.charAt(i) == '.') {
        tokens++;
      }
    }
    if (tokens != 9 && tokens < 11) {
      throw notAck(replySubject, tokens + " tokens where 9 (v1) or 11 and more (v2) are expected");
    }
    int needed = Math.min(tokens, 11); // later tokens are ignored
    int[] start = new int[needed + 1];
    for (int i = 0, t = 1; t < needed; i++) {
      if (replySubject.charAt(i) == '.') {
        start[t++] = i + 1;
      }
    }
    int end = replySubject.indexOf('.', start[needed - 1]);
    start[needed] = (end < 0 ? replySubject.length() : end) + 1;
    if (tokens == 9) {
      return new MessageMetadata(replySubject, start, 2, null, null);
    }
    String domain = token(replySubject, start, 2);
    return new MessageMetadata(
        replySubject, start, 4, "_".equals(domain) ? null : domain, token(replySubject, start, 3));
  }

  private static String token(String s, int[] start, int index) {
    return s.substring(start[index], start[index + 1] - 1);
  }

  private static long number(String s, int[] start, int index) {
    int from = start[index];
    int to = start[index + 1] - 1;
    try {
      long v = Long.parseLong(s, from, to, 10);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw notAck(s, "token " + (index + 1) + " '" + s.substring(from, to) + "' is not a number");
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
