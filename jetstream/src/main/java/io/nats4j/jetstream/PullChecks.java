package io.nats4j.jetstream;

import java.time.Duration;

/**
 * The pull-request rules {@link ConsumeOptions} and {@link FetchOptions} share, so both builders
 * refuse the same values with the same words.
 */
final class PullChecks {
  private PullChecks() {}

  /**
   * Checks a batch or byte bound.
   *
   * @throws IllegalArgumentException naming the field if the value is not positive
   */
  static void requirePositive(String field, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
  }

  /**
   * Returns the heartbeat to ask for: the one set, at most half the expiry (the server refuses
   * longer ones), or for none set half the expiry capped at {@link
   * ConsumeOptions#MAX_DEFAULT_HEARTBEAT}.
   *
   * @param heartbeat the heartbeat set, or null
   * @throws IllegalArgumentException if the heartbeat set is longer than half the expiry
   */
  static Duration heartbeat(Duration heartbeat, Duration expiresIn) {
    Duration half = expiresIn.dividedBy(2);
    if (heartbeat == null) {
      return half.compareTo(ConsumeOptions.MAX_DEFAULT_HEARTBEAT) > 0
          ? ConsumeOptions.MAX_DEFAULT_HEARTBEAT
          : half;
    }
    if (heartbeat.compareTo(half) > 0) {
      throw new IllegalArgumentException(
          "idleHeartbeat ("
              + heartbeat.toMillis()
              + " ms) must be at most half of expiresIn ("
              + expiresIn.toMillis()
              + " ms): the server refuses longer ones");
    }
    return heartbeat;
  }
}
