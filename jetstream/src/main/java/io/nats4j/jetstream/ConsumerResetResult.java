package io.nats4j.jetstream;

import java.util.Objects;

/**
 * The answer to a consumer reset (nats-server 2.14, API level 4).
 *
 * <p>Thread-safety: immutable.
 */
public final class ConsumerResetResult {
  private final ConsumerInfo info;
  private final long resetSequence;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ConsumerResetResult() {
    this(null, 0);
  }

  ConsumerResetResult(ConsumerInfo info, long resetSequence) {
    this.info = info;
    this.resetSequence = resetSequence;
  }

  /**
   * Returns the consumer after the reset.
   *
   * @return the consumer after the reset
   */
  public ConsumerInfo info() {
    return info;
  }

  /**
   * Returns the stream sequence the consumer will deliver next.
   *
   * @return the stream sequence the consumer will deliver next
   */
  public long resetSequence() {
    return resetSequence;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerResetResult)) {
      return false;
    }
    ConsumerResetResult that = (ConsumerResetResult) o;
    return Objects.equals(info, that.info) && resetSequence == that.resetSequence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(info, resetSequence);
  }

  @Override
  public String toString() {
    return "ConsumerResetResult[" + "info=" + info + ", " + "resetSequence=" + resetSequence + "]";
  }
}
