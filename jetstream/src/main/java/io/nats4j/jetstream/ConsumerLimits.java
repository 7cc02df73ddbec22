package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Defaults and caps a stream imposes on its consumers.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConsumerLimits {
  private final Duration inactiveThreshold;
  private final long maxAckPending;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ConsumerLimits() {
    this(null, 0);
  }

  /**
   * Creates the value.
   *
   * @param inactiveThreshold the longest inactive threshold a consumer may have, null for none
   * @param maxAckPending the largest max ack pending a consumer may have, 0 for none
   */
  public ConsumerLimits(Duration inactiveThreshold, long maxAckPending) {
    this.inactiveThreshold = inactiveThreshold;
    this.maxAckPending = maxAckPending;
  }

  /**
   * Returns the longest inactive threshold a consumer may have, null for none.
   *
   * @return the longest inactive threshold a consumer may have, null for none
   */
  public Duration inactiveThreshold() {
    return inactiveThreshold;
  }

  /**
   * Returns the largest max ack pending a consumer may have, 0 for none.
   *
   * @return the largest max ack pending a consumer may have, 0 for none
   */
  public long maxAckPending() {
    return maxAckPending;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerLimits)) {
      return false;
    }
    ConsumerLimits that = (ConsumerLimits) o;
    return Objects.equals(inactiveThreshold, that.inactiveThreshold)
        && maxAckPending == that.maxAckPending;
  }

  @Override
  public int hashCode() {
    return Objects.hash(inactiveThreshold, maxAckPending);
  }

  @Override
  public String toString() {
    return "ConsumerLimits["
        + "inactiveThreshold="
        + inactiveThreshold
        + ", "
        + "maxAckPending="
        + maxAckPending
        + "]";
  }
}
