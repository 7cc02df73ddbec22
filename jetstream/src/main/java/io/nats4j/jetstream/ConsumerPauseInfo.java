package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer to pausing or resuming a consumer.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConsumerPauseInfo {
  private final boolean paused;
  private final Instant pauseUntil;
  private final Duration pauseRemaining;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ConsumerPauseInfo() {
    this(false, null, null);
  }

  ConsumerPauseInfo(boolean paused, Instant pauseUntil, Duration pauseRemaining) {
    this.paused = paused;
    this.pauseUntil = pauseUntil;
    this.pauseRemaining = pauseRemaining;
  }

  /**
   * Returns true if the consumer is now paused.
   *
   * @return true if the consumer is now paused
   */
  public boolean paused() {
    return paused;
  }

  /**
   * Returns until when, null when resumed.
   *
   * @return until when, null when resumed
   */
  public Instant pauseUntil() {
    return pauseUntil;
  }

  /**
   * Returns how long the pause still lasts, null when resumed.
   *
   * @return how long the pause still lasts, null when resumed
   */
  public Duration pauseRemaining() {
    return pauseRemaining;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerPauseInfo)) {
      return false;
    }
    ConsumerPauseInfo that = (ConsumerPauseInfo) o;
    return paused == that.paused
        && Objects.equals(pauseUntil, that.pauseUntil)
        && Objects.equals(pauseRemaining, that.pauseRemaining);
  }

  @Override
  public int hashCode() {
    return Objects.hash(paused, pauseUntil, pauseRemaining);
  }

  @Override
  public String toString() {
    return "ConsumerPauseInfo["
        + "paused="
        + paused
        + ", "
        + "pauseUntil="
        + pauseUntil
        + ", "
        + "pauseRemaining="
        + pauseRemaining
        + "]";
  }
}
