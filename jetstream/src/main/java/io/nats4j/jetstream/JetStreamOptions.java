package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JetStream} context talks to the server: API prefix or domain, timeouts, the async
 * publish window and the retry of publishes that meet no responders.
 *
 * <pre>{@code
 * JetStreamOptions options = JetStreamOptions.builder()
 *     .domain("hub")
 *     .requestTimeout(Duration.ofSeconds(5))
 *     .maxOutstandingAcks(10_000)
 *     .build();
 * JetStream js = JetStream.of(connection, options);
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class JetStreamOptions {
  /** What {@link JetStream#publishAsync} does when the window of outstanding acks is full. */
  public enum WindowFullPolicy {
    /** Wait until an ack frees a slot, at most the publish-ack timeout. */
    BLOCK,
    /** Fail at once with {@link PublishWindowFullException}. */
    FAIL
  }

  private static final JetStreamOptions DEFAULTS = builder().build();

  private final String apiPrefix;
  private final String domain;
  private final Duration requestTimeout;
  private final Duration publishAckTimeout;
  private final int maxOutstandingAcks;
  private final WindowFullPolicy windowFullPolicy;
  private final int publishRetryAttempts;
  private final Duration publishRetryWait;
  private final int assumedApiLevel;

  private JetStreamOptions(Builder b) {
    this.apiPrefix = b.apiPrefix;
    this.domain = b.domain;
    this.requestTimeout = b.requestTimeout;
    this.publishAckTimeout = b.publishAckTimeout;
    this.maxOutstandingAcks = b.maxOutstandingAcks;
    this.windowFullPolicy = b.windowFullPolicy;
    this.publishRetryAttempts = b.publishRetryAttempts;
    this.publishRetryWait = b.publishRetryWait;
    this.assumedApiLevel = b.assumedApiLevel;
  }

  /**
   * Returns the default options: prefix {@code $JS.API}, 5 s timeouts, 4,000 outstanding acks
   * (block when full), 2 retries 250 ms apart on no responders.
   *
   * @return the defaults
   */
  public static JetStreamOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the API subject prefix without a trailing dot: {@code $JS.API}, {@code
   * $JS.<domain>.API}, or a custom prefix.
   *
   * @return the prefix
   */
  public String apiPrefix() {
    if (domain != null) {
      return "$JS." + domain + ".API";
    }
    return apiPrefix;
  }

  /**
   * Returns the JetStream domain.
   *
   * @return the domain, or null
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns the timeout of management requests.
   *
   * @return the timeout
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * Returns how long a publish waits for its ack.
   *
   * @return the timeout
   */
  public Duration publishAckTimeout() {
    return publishAckTimeout;
  }

  /**
   * Returns the most async publishes waiting for their acks at once.
   *
   * @return the window size
   */
  public int maxOutstandingAcks() {
    return maxOutstandingAcks;
  }

  /**
   * Returns what an async publish does when the window is full.
   *
   * @return the policy
   */
  public WindowFullPolicy windowFullPolicy() {
    return windowFullPolicy;
  }

  /**
   * Returns how often a sync publish is retried after a no-responders (503) answer, or after a
   * timeout when the message has a message id.
   *
   * @return the retry count, 0 for none
   */
  public int publishRetryAttempts() {
    return publishRetryAttempts;
  }

  /**
   * Returns the wait before the first retry; it doubles with each further retry.
   *
   * @return the wait
   */
  public Duration publishRetryWait() {
    return publishRetryWait;
  }

  /**
   * Returns the API level assumed as a ceiling for the server's, or -1 to trust the server.
   *
   * @return the level cap
   */
  public int assumedApiLevel() {
    return assumedApiLevel;
  }

  @Override
  public String toString() {
    return "JetStreamOptions[apiPrefix="
        + apiPrefix()
        + ", requestTimeout="
        + requestTimeout
        + ", publishAckTimeout="
        + publishAckTimeout
        + ", maxOutstandingAcks="
        + maxOutstandingAcks
        + ", windowFullPolicy="
        + windowFullPolicy
        + ", publishRetryAttempts="
        + publishRetryAttempts
        + "]";
  }

  /**
   * Builds {@link JetStreamOptions}; {@link #build()} validates.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String apiPrefix = "$JS.API";
    private String domain;
    private Duration requestTimeout = Duration.ofSeconds(5);
    private Duration publishAckTimeout = Duration.ofSeconds(5);
    private int maxOutstandingAcks = 4000;
    private WindowFullPolicy windowFullPolicy = WindowFullPolicy.BLOCK;
    private int publishRetryAttempts = 2;
    private Duration publishRetryWait = Duration.ofMillis(250);
    private int assumedApiLevel = -1;

    private Builder() {}

    /**
     * Uses a custom API prefix, e.g. one imported from another account. Cleared by {@link
     * #domain(String)}.
     *
     * @param prefix the prefix, with or without a trailing dot
     * @return this
     */
    public Builder apiPrefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix");
      this.apiPrefix = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
      this.domain = null;
      return this;
    }

    /**
     * Talks to the JetStream of a domain: the prefix becomes {@code $JS.<domain>.API}.
     *
     * @param domain the domain, or null for none
     * @return this
     */
    public Builder domain(String domain) {
      this.domain = domain == null || domain.isEmpty() ? null : domain;
      return this;
    }

    /**
     * Sets the timeout of management requests.
     *
     * @param timeout positive
     * @return this
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Sets how long a publish waits for its ack (and a blocked async publish for a slot).
     *
     * @param timeout positive
     * @return this
     */
    public Builder publishAckTimeout(Duration timeout) {
      this.publishAckTimeout = timeout;
      return this;
    }

    /**
     * Sets the most async publishes waiting for their acks at once.
     *
     * @param max at least 1
     * @return this
     */
    public Builder maxOutstandingAcks(int max) {
      this.maxOutstandingAcks = max;
      return this;
    }

    /**
     * Sets what an async publish does when the window is full.
     *
     * @param policy block or fail
     * @return this
     */
    public Builder windowFullPolicy(WindowFullPolicy policy) {
      this.windowFullPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the retries of a sync publish that met no responders (a stream leader election).
     *
     * @param attempts retries after the first try, 0 for none
     * @param firstWait the wait before the first retry; each further wait doubles
     * @return this
     */
    public Builder publishRetry(int attempts, Duration firstWait) {
      this.publishRetryAttempts = attempts;
      this.publishRetryWait = firstWait;
      return this;
    }

    /**
     * Caps the API level used to decide which fields may be sent, e.g. to the lowest level of a
     * cluster in the middle of an upgrade (one server's INFO does not speak for the cluster).
     *
     * @param level the highest API level to use
     * @return this
     */
    public Builder assumeApiLevelAtMost(int level) {
      this.assumedApiLevel = level;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the options
     * @throws IllegalArgumentException naming the invalid setting
     */
    public JetStreamOptions build() {
      requirePositive("requestTimeout", requestTimeout);
      requirePositive("publishAckTimeout", publishAckTimeout);
      if (maxOutstandingAcks < 1) {
        throw new IllegalArgumentException("maxOutstandingAcks must be at least 1");
      }
      if (publishRetryAttempts < 0) {
        throw new IllegalArgumentException("publishRetry attempts must not be negative");
      }
      if (publishRetryWait == null || publishRetryWait.isNegative()) {
        throw new IllegalArgumentException("publishRetry wait must not be negative");
      }
      if (apiPrefix.isEmpty()
          || apiPrefix.contains(" ")
          || apiPrefix.contains("*")
          || apiPrefix.contains(">")) {
        throw new IllegalArgumentException("apiPrefix '" + apiPrefix + "' is not a valid subject");
      }
      if (domain != null && (domain.contains(".") || domain.contains(" "))) {
        throw new IllegalArgumentException("domain '" + domain + "' may not contain '.' or spaces");
      }
      return new JetStreamOptions(this);
    }

    private static void requirePositive(String name, Duration d) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
    }
  }
}
