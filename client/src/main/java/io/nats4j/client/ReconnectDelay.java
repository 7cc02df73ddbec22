package io.nats4j.client;

import io.nats4j.client.internal.reconnect.Backoffs;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides how long to wait before each reconnect attempt: the pluggable backoff policy of {@link
 * ReconnectOptions}.
 *
 * <p>Thread-safety: the client calls it from one reconnect thread at a time; an implementation
 * shared by several connections must be thread-safe. It must return quickly and never block: the
 * client does the waiting, so that {@link Connection#close()} can interrupt it at once.
 *
 * <p>The built-in policies both keep the rule of the NATS clients (ADR-40): a server is not tried
 * again before its wait has passed since it was last tried or connected to. So the first attempt
 * after losing a long-lived connection is immediate, a cluster fails over to another member without
 * waiting, and a server that drops clients right after accepting them is not hammered. ({@link
 * Connection#forceReconnect()} makes its first attempt at once in any case.)
 *
 * <pre>{@code
 * ReconnectOptions.builder()
 *     .delay(ReconnectDelay.exponential(Duration.ofMillis(100), Duration.ofSeconds(10),
 *         Duration.ofMillis(100)))
 *     .build();
 * // or any function of the attempt:
 * ReconnectOptions.builder().delay(attempt -> Duration.ofMillis(250L * attempt.attempt())).build();
 * }</pre>
 */
@FunctionalInterface
public interface ReconnectDelay {

  /**
   * Returns how long to wait before the attempt described.
   *
   * @param attempt the attempt about to be made
   * @return the wait; zero or negative for none
   */
  Duration delay(Attempt attempt);

  /**
   * One reconnect attempt about to be made.
   *
   * @param attempt attempts already made since the connection was lost (0 for the first)
   * @param server the server about to be tried, without credentials
   * @param serverFailures failed attempts to this server since the connection was lost
   * @param sinceServerLastTried time since this server was last tried (or connected to), null if
   *     never
   * @param tls whether the attempt uses TLS (the built-in policies use the TLS jitter then)
   */
  record Attempt(
      int attempt, String server, int serverFailures, Duration sinceServerLastTried, boolean tls) {}

  /**
   * The default policy: a server is tried again only after {@code wait} has passed since its last
   * attempt (or connection), plus a random jitter in {@code [0, jitter)} ({@code [0, tlsJitter)}
   * over TLS); a server never tried is tried at once.
   *
   * @param wait the minimum time between two attempts to the same server
   * @param jitter the largest random extra wait for plain connections
   * @param tlsJitter the largest random extra wait for TLS connections
   * @return the policy
   */
  static ReconnectDelay perServer(Duration wait, Duration jitter, Duration tlsJitter) {
    return Backoffs.perServer(
        Objects.requireNonNull(wait, "wait"),
        Objects.requireNonNull(jitter, "jitter"),
        Objects.requireNonNull(tlsJitter, "tlsJitter"),
        Backoffs.THREAD_LOCAL_RANDOM);
  }

  /**
   * Exponential backoff per server: after {@code n} failures a server waits {@code initial × 2^(n -
   * 1)}, at most {@code max}, measured from its last attempt, plus a random jitter in {@code [0,
   * jitter)}; a server never tried is tried at once.
   *
   * @param initial the wait after the first failure
   * @param max the longest wait
   * @param jitter the largest random extra wait
   * @return the policy
   */
  static ReconnectDelay exponential(Duration initial, Duration max, Duration jitter) {
    return Backoffs.exponential(
        Objects.requireNonNull(initial, "initial"),
        Objects.requireNonNull(max, "max"),
        Objects.requireNonNull(jitter, "jitter"),
        Backoffs.THREAD_LOCAL_RANDOM);
  }
}
