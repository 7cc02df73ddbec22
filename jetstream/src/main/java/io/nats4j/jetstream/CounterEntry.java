package io.nats4j.jetstream;

import java.math.BigInteger;
import java.util.Map;

/**
 * A counter's value as the stream holds it (ADR-49): the total, the last increment, and for a
 * counter aggregated from sourced streams, the last value seen from each source.
 *
 * <p>Thread-safety: immutable.
 */
public final class CounterEntry {
  private final String subject;
  private final BigInteger value;
  private final BigInteger lastIncrement;
  private final Map<String, Map<String, BigInteger>> sources;
  private final long seq;

  CounterEntry(
      String subject,
      BigInteger value,
      BigInteger lastIncrement,
      Map<String, Map<String, BigInteger>> sources,
      long seq) {
    this.subject = subject;
    this.value = value;
    this.lastIncrement = lastIncrement;
    this.sources = sources;
    this.seq = seq;
  }

  /**
   * Returns the counter's subject.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the total.
   *
   * @return the value
   */
  public BigInteger value() {
    return value;
  }

  /**
   * Returns the increment of the message that holds the value ({@code Nats-Incr}); for a sourced
   * update, the server's delta for that source.
   *
   * @return the increment, null if the message has none
   */
  public BigInteger lastIncrement() {
    return lastIncrement;
  }

  /**
   * Returns the sources breakdown ({@code Nats-Counter-Sources}): for each source stream, the last
   * value seen per source subject. Empty for a counter nothing was sourced into.
   *
   * @return stream name, then source subject, to that source's value (unmodifiable)
   */
  public Map<String, Map<String, BigInteger>> sources() {
    return sources;
  }

  /**
   * Returns the stream sequence of the message holding the value.
   *
   * @return the sequence
   */
  public long seq() {
    return seq;
  }

  @Override
  public String toString() {
    return "CounterEntry[subject="
        + subject
        + ", value="
        + value
        + ", lastIncrement="
        + lastIncrement
        + ", sources="
        + sources
        + ", seq="
        + seq
        + "]";
  }
}
