package io.nats4j.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Picks the server of the pool to try next when reconnecting (ADR-40 "reconnect to specific
 * server"), for example to prefer the servers of a local region.
 *
 * <p>Thread-safety: called on the connection's reconnect thread, one call at a time, before every
 * attempt. It must return quickly and never block.
 *
 * <pre>{@code
 * ServerChooser preferLocal = (pool, lastInfo) -> pool.stream()
 *     .filter(c -> c.url().contains(".eu-west."))
 *     .min(Comparator.comparingInt(ServerChooser.Candidate::failedAttempts))
 *     .map(c -> ServerChooser.Choice.of(c.url()))
 *     .orElse(null);                         // null: the default order decides
 * }</pre>
 *
 * <p>Only servers of the pool can be chosen: a URL that is not one of the candidates is ignored
 * (logged) and the default order decides.
 */
@FunctionalInterface
public interface ServerChooser {

  /**
   * Chooses the next server.
   *
   * @param pool the servers that may still be tried, in the default order (first = the default
   *     choice)
   * @param lastServerInfo the most recent INFO from a server, null before the first connection
   * @return the choice, or null to take the default
   */
  Choice choose(List<Candidate> pool, ServerInfo lastServerInfo);

  /**
   * A server of the pool.
   *
   * @param url the URL, without credentials, e.g. {@code nats://10.0.0.2:4222}
   * @param discovered true if learned from a server's INFO rather than configured
   * @param failedAttempts failed attempts to it since the connection was lost
   */
  record Candidate(String url, boolean discovered, int failedAttempts) {}

  /**
   * The server to try next.
   *
   * @param url the URL of one of the candidates, exactly as given
   * @param delay how long to wait before the attempt; null lets the {@link ReconnectDelay} decide
   */
  record Choice(String url, Duration delay) {
    /**
     * Checks the URL.
     *
     * @param url the server to connect to
     * @param delay how long to wait before connecting
     */
    public Choice {
      Objects.requireNonNull(url, "url");
    }

    /**
     * Chooses a server, with the configured delay.
     *
     * @param url the URL of one of the candidates
     * @return the choice
     */
    public static Choice of(String url) {
      return new Choice(url, null);
    }

    /**
     * Chooses a server and the delay before trying it.
     *
     * @param url the URL of one of the candidates
     * @param delay the wait; zero for none
     * @return the choice
     */
    public static Choice of(String url, Duration delay) {
      return new Choice(url, Objects.requireNonNull(delay, "delay"));
    }
  }
}
