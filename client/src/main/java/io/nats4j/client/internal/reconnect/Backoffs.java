package io.nats4j.client.internal.reconnect;

import io.nats4j.client.ReconnectDelay;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The built-in {@link ReconnectDelay} policies. The random source is injected so tests can fix the
 * jitter.
 *
 * <p>Thread-safety: the policies are immutable; thread-safe if the random source is.
 */
public final class Backoffs {
  /** Uniform in [0, 1) from the calling thread's generator. */
  public static final DoubleSupplier THREAD_LOCAL_RANDOM =
      () -> ThreadLocalRandom.current().nextDouble();

  private Backoffs() {}

  /**
   * Wait per server plus jitter.
   *
   * @param wait minimum time between attempts to one server
   * @param jitter largest extra wait, plain
   * @param tlsJitter largest extra wait, TLS
   * @param random uniform in [0, 1)
   * @return the policy
   */
  public static ReconnectDelay perServer(
      Duration wait, Duration jitter, Duration tlsJitter, DoubleSupplier random) {
    requireNotNegative(wait, "wait");
    requireNotNegative(jitter, "jitter");
    requireNotNegative(tlsJitter, "tlsJitter");
    return attempt -> remaining(attempt, wait.toNanos(), jitter, tlsJitter, random);
  }

  /**
   * Exponential per server plus jitter.
   *
   * @param initial wait after the first failure
   * @param max longest wait
   * @param jitter largest extra wait
   * @param random uniform in [0, 1)
   * @return the policy
   */
  public static ReconnectDelay exponential(
      Duration initial, Duration max, Duration jitter, DoubleSupplier random) {
    requireNotNegative(initial, "initial");
    requireNotNegative(jitter, "jitter");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max must be >= initial");
    }
    return attempt -> {
      int doublings = Math.min(Math.max(0, attempt.serverFailures() - 1), 40);
      long base = initial.toNanos();
      long wait = base > (max.toNanos() >> doublings) ? max.toNanos() : base << doublings;
      return remaining(attempt, Math.min(wait, max.toNanos()), jitter, jitter, random);
    };
  }

  /** The part of {@code waitNanos} not yet spent since the server's last attempt, plus jitter. */
  private static Duration remaining(
      ReconnectDelay.Attempt attempt,
      long waitNanos,
      Duration jitter,
      Duration tlsJitter,
      DoubleSupplier random) {
    Duration since = attempt.sinceServerLastTried();
    if (since == null) {
      return Duration.ZERO;
    }
    long left = waitNanos - since.toNanos();
    if (left <= 0) {
      return Duration.ZERO;
    }
    long maxJitter = (attempt.tls() ? tlsJitter : jitter).toNanos();
    return Duration.ofNanos(left + (long) (random.getAsDouble() * maxJitter));
  }

  private static void requireNotNegative(Duration d, String field) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative");
    }
  }
}
