package io.nats4j.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How a connection recovers from losing its server: attempts, backoff, the buffer that holds
 * publishes while disconnected. Part of {@link Options}.
 *
 * <p>Thread-safety: immutable.
 *
 * <p>How reconnecting works (ADR-40): when the connection is lost (socket error, the server closing
 * it, a stale connection after {@link Options#maxPingsOut()} unanswered PINGs, a server in
 * lame-duck mode), the first attempt is made at once, to another server of the pool if there is
 * one; a server is tried again only after {@link #waitTime()} plus a random jitter since its last
 * attempt (or as the {@link #delay()} policy says). The pool holds the configured servers and,
 * unless {@link #ignoreDiscoveredServers()}, those the servers announce; it is shuffled unless
 * {@link #randomize()} is off. Each server gets {@link #maxAttempts()} attempts per outage; when
 * every server has used them, or one refuses the credentials twice in a row, the connection closes.
 * On reconnect the client authenticates again (a credentials supplier is asked again), re-sends
 * every active subscription with its original sid, then the publishes buffered while disconnected,
 * in order.
 *
 * <pre>{@code
 * ReconnectOptions reconnect = ReconnectOptions.builder()
 *     .maxAttempts(-1)                      // forever
 *     .waitTime(Duration.ofSeconds(1))
 *     .bufferBytes(16 * 1024 * 1024)
 *     .build();
 * }</pre>
 */
public final class ReconnectOptions {
  private final boolean enabled;
  private final int maxAttempts;
  private final Duration wait;
  private final Duration jitter;
  private final Duration tlsJitter;
  private final int bufferBytes;
  private final boolean ignoreDiscoveredServers;
  private final boolean randomize;
  private final boolean retryOnFailedConnect;
  private final ReconnectDelay delay;
  private final boolean customDelay;
  private final ServerChooser serverChooser;
  private final boolean retryOnRepeatedAuthError;
  private final boolean failPendingRequestsOnDisconnect;

  private ReconnectOptions(Builder b) {
    this.enabled = b.enabled;
    this.maxAttempts = b.maxAttempts;
    this.wait = b.wait;
    this.jitter = b.jitter;
    this.tlsJitter = b.tlsJitter;
    this.bufferBytes = b.bufferBytes;
    this.ignoreDiscoveredServers = b.ignoreDiscoveredServers;
    this.randomize = b.randomize;
    this.retryOnFailedConnect = b.retryOnFailedConnect;
    this.delay =
        b.delay != null ? b.delay : ReconnectDelay.perServer(b.wait, b.jitter, b.tlsJitter);
    this.customDelay = b.delay != null;
    this.serverChooser = b.serverChooser;
    this.retryOnRepeatedAuthError = b.retryOnRepeatedAuthError;
    this.failPendingRequestsOnDisconnect = b.failPendingRequestsOnDisconnect;
  }

  /**
   * Returns the defaults: enabled, 60 attempts per server, 2 s wait, 100 ms jitter (1 s for TLS), 8
   * MiB buffer, randomized server order, no retry of the initial connect.
   *
   * @return the default reconnect options
   */
  public static ReconnectOptions defaults() {
    return builder().build();
  }

  /**
   * Returns options that never reconnect: a lost connection is closed.
   *
   * @return disabled reconnect options
   */
  public static ReconnectOptions disabled() {
    return builder().disable().build();
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether reconnect is on.
   *
   * @return whether a lost connection is reconnected
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Returns the attempts per server.
   *
   * @return attempts per server before giving up, -1 for forever
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the wait between attempts to the same server.
   *
   * @return the wait
   */
  public Duration waitTime() {
    return wait;
  }

  /**
   * Returns the random extra wait for plain connections.
   *
   * @return the jitter
   */
  public Duration jitter() {
    return jitter;
  }

  /**
   * Returns the random extra wait for TLS connections.
   *
   * @return the TLS jitter
   */
  public Duration tlsJitter() {
    return tlsJitter;
  }

  /**
   * Returns the size of the buffer for publishes made while disconnected.
   *
   * @return bytes; 0 makes publishing fail fast while disconnected
   */
  public int bufferBytes() {
    return bufferBytes;
  }

  /**
   * Tells whether servers learned from INFO are ignored.
   *
   * @return true to use only the configured servers
   */
  public boolean ignoreDiscoveredServers() {
    return ignoreDiscoveredServers;
  }

  /**
   * Tells whether the server order is shuffled.
   *
   * @return true to shuffle the server pool
   */
  public boolean randomize() {
    return randomize;
  }

  /**
   * Tells whether a failed initial connect is retried like a reconnect.
   *
   * @return true to keep trying the initial connect
   */
  public boolean retryOnFailedConnect() {
    return retryOnFailedConnect;
  }

  /**
   * Returns the backoff policy: the one set with {@link Builder#delay}, else {@link
   * ReconnectDelay#perServer} of {@link #waitTime()}, {@link #jitter()} and {@link #tlsJitter()}.
   *
   * @return the policy
   */
  public ReconnectDelay delay() {
    return delay;
  }

  /**
   * Returns the callback that picks the next server.
   *
   * @return the chooser, or null for the pool's own order
   */
  public ServerChooser serverChooser() {
    return serverChooser;
  }

  /**
   * Tells whether reconnecting goes on when a server refuses the credentials twice in a row with
   * the same error (by default the connection is closed then, since retrying the same credentials
   * rarely helps and may lock an account).
   *
   * @return true to keep trying
   */
  public boolean retryOnRepeatedAuthError() {
    return retryOnRepeatedAuthError;
  }

  /**
   * Tells whether pending requests fail at once with {@link DisconnectedException} when the
   * connection is lost (by default they keep waiting until their own timeout, and a reply after the
   * reconnect still completes them).
   *
   * @return true to fail them at once
   */
  public boolean failPendingRequestsOnDisconnect() {
    return failPendingRequestsOnDisconnect;
  }

  @Override
  public String toString() {
    return "ReconnectOptions[enabled="
        + enabled
        + ", maxAttempts="
        + maxAttempts
        + ", wait="
        + wait
        + ", jitter="
        + jitter
        + ", tlsJitter="
        + tlsJitter
        + ", bufferBytes="
        + bufferBytes
        + ", ignoreDiscoveredServers="
        + ignoreDiscoveredServers
        + ", randomize="
        + randomize
        + ", retryOnFailedConnect="
        + retryOnFailedConnect
        + ", delay="
        + (customDelay ? delay : "perServer")
        + ", serverChooser="
        + serverChooser
        + ", retryOnRepeatedAuthError="
        + retryOnRepeatedAuthError
        + ", failPendingRequestsOnDisconnect="
        + failPendingRequestsOnDisconnect
        + "]";
  }

  /**
   * Builds {@link ReconnectOptions}; validated in {@link #build()}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private boolean enabled = true;
    private int maxAttempts = 60;
    private Duration wait = Duration.ofSeconds(2);
    private Duration jitter = Duration.ofMillis(100);
    private Duration tlsJitter = Duration.ofSeconds(1);
    private int bufferBytes = 8 * 1024 * 1024;
    private boolean ignoreDiscoveredServers;
    private boolean randomize = true;
    private boolean retryOnFailedConnect;
    private ReconnectDelay delay;
    private ServerChooser serverChooser;
    private boolean retryOnRepeatedAuthError;
    private boolean failPendingRequestsOnDisconnect;

    private Builder() {}

    /**
     * Replaces the backoff policy (then {@link #waitTime} and {@link #jitter} are not used).
     *
     * @param delay the policy, e.g. {@link ReconnectDelay#exponential}
     * @return this builder
     */
    public Builder delay(ReconnectDelay delay) {
      this.delay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /**
     * Lets a callback pick the server of the pool to try next.
     *
     * @param chooser the chooser
     * @return this builder
     */
    public Builder serverChooser(ServerChooser chooser) {
      this.serverChooser = Objects.requireNonNull(chooser, "chooser");
      return this;
    }

    /**
     * Keeps reconnecting when a server refuses the credentials twice in a row with the same error
     * (useful with a credentials supplier that will eventually return working credentials).
     *
     * @return this builder
     */
    public Builder retryOnRepeatedAuthError() {
      this.retryOnRepeatedAuthError = true;
      return this;
    }

    /**
     * Fails pending requests at once with {@link DisconnectedException} when the connection is
     * lost, instead of letting them wait for their own timeout across the reconnect.
     *
     * @return this builder
     */
    public Builder failPendingRequestsOnDisconnect() {
      this.failPendingRequestsOnDisconnect = true;
      return this;
    }

    /**
     * Turns reconnect off.
     *
     * @return this builder
     */
    public Builder disable() {
      this.enabled = false;
      return this;
    }

    /**
     * Sets attempts per server.
     *
     * @param maxAttempts attempts per server, -1 for forever
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the wait between attempts to the same server.
     *
     * @param wait the wait, not negative
     * @return this builder
     */
    public Builder waitTime(Duration wait) {
      this.wait = Objects.requireNonNull(wait, "wait");
      return this;
    }

    /**
     * Sets the random extra wait.
     *
     * @param jitter for plain connections
     * @param tlsJitter for TLS connections
     * @return this builder
     */
    public Builder jitter(Duration jitter, Duration tlsJitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      this.tlsJitter = Objects.requireNonNull(tlsJitter, "tlsJitter");
      return this;
    }

    /**
     * Sets the reconnect buffer size.
     *
     * @param bufferBytes bytes, 0 to fail publishes while disconnected
     * @return this builder
     */
    public Builder bufferBytes(int bufferBytes) {
      this.bufferBytes = bufferBytes;
      return this;
    }

    /**
     * Uses only the configured servers, never those learned from INFO.
     *
     * @return this builder
     */
    public Builder ignoreDiscoveredServers() {
      this.ignoreDiscoveredServers = true;
      return this;
    }

    /**
     * Keeps the server order as configured.
     *
     * @return this builder
     */
    public Builder noRandomize() {
      this.randomize = false;
      return this;
    }

    /**
     * Retries a failed initial connect like a reconnect.
     *
     * @return this builder
     */
    public Builder retryOnFailedConnect() {
      this.retryOnFailedConnect = true;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the options
     * @throws IllegalArgumentException naming the invalid field
     */
    public ReconnectOptions build() {
      if (maxAttempts < -1) {
        throw new IllegalArgumentException("maxAttempts must be -1 (forever) or >= 0");
      }
      if (wait.isNegative() || jitter.isNegative() || tlsJitter.isNegative()) {
        throw new IllegalArgumentException("wait and jitter must not be negative");
      }
      if (bufferBytes < 0) {
        throw new IllegalArgumentException("bufferBytes must be >= 0");
      }
      return new ReconnectOptions(this);
    }
  }
}
