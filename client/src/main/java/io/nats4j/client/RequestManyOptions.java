package io.nats4j.client;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When a request-many stops gathering replies (ADR-47): whichever of its end conditions comes
 * first.
 *
 * <ul>
 *   <li>{@link Builder#totalTimeout total timeout}: the longest the whole gathering takes; the
 *       first reply is always awaited this long. Defaults to the connection's connect timeout.
 *   <li>{@link Builder#stall stall}: after the first reply, stop when no further reply comes within
 *       this interval (never past the total timeout). None by default.
 *   <li>{@link Builder#maxMessages max messages}: stop after this many replies. Unlimited by
 *       default.
 *   <li>{@link Builder#sentinel sentinel}: stop at a reply that marks the end; that reply is not
 *       delivered. By default a reply with an empty payload is the sentinel ({@link
 *       Builder#noSentinel()} turns it off, {@link Builder#sentinel(Predicate)} replaces it).
 * </ul>
 *
 * <p>Thread-safety: immutable, safe to share between threads and requests.
 *
 * <pre>{@code
 * RequestManyOptions gather = RequestManyOptions.builder()
 *     .totalTimeout(Duration.ofSeconds(2))
 *     .stall(Duration.ofMillis(100))
 *     .build();
 * for (Message reply : nc.requestMany("svc.ping", null, new byte[0], gather)) { ... }
 * }</pre>
 */
public final class RequestManyOptions {
  private static final Predicate<Message> EMPTY_PAYLOAD = m -> m.data().length == 0;
  private static final RequestManyOptions DEFAULTS = builder().build();

  private final Duration totalTimeout;
  private final Duration stall;
  private final int maxMessages;
  private final Predicate<Message> sentinel;

  private RequestManyOptions(Builder b) {
    this.totalTimeout = b.totalTimeout;
    this.stall = b.stall;
    this.maxMessages = b.maxMessages;
    this.sentinel = b.sentinel;
  }

  /**
   * Returns the defaults: the connection's timeout, no stall, no maximum, empty-payload sentinel.
   *
   * @return the default options
   */
  public static RequestManyOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the total timeout.
   *
   * @return the total timeout, or null for the connection's connect timeout
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /**
   * Returns the stall interval.
   *
   * @return the stall interval, or null if none
   */
  public Duration stall() {
    return stall;
  }

  /**
   * Returns the maximum number of replies.
   *
   * @return the maximum, or 0 for no maximum
   */
  public int maxMessages() {
    return maxMessages;
  }

  /**
   * Returns the sentinel test.
   *
   * @return the test that marks the end, or null if there is no sentinel
   */
  public Predicate<Message> sentinel() {
    return sentinel;
  }

  /**
   * Tells whether {@code reply} is the sentinel.
   *
   * @param reply a reply
   * @return true if it ends the gathering
   */
  public boolean isSentinel(Message reply) {
    return sentinel != null && sentinel.test(reply);
  }

  @Override
  public String toString() {
    return "RequestManyOptions{totalTimeout="
        + totalTimeout
        + ", stall="
        + stall
        + ", maxMessages="
        + maxMessages
        + ", sentinel="
        + (sentinel == null ? "none" : sentinel == EMPTY_PAYLOAD ? "empty payload" : "custom")
        + "}";
  }

  /** Builds {@link RequestManyOptions}; not thread-safe. */
  public static final class Builder {
    private Duration totalTimeout;
    private Duration stall;
    private int maxMessages;
    private Predicate<Message> sentinel = EMPTY_PAYLOAD;

    private Builder() {}

    /**
     * Sets the total timeout.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder totalTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "totalTimeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("totalTimeout must be positive, got " + timeout);
      }
      this.totalTimeout = timeout;
      return this;
    }

    /**
     * Sets the stall interval: after the first reply, the gathering ends when no reply comes within
     * it. Zero, negative or null means no stall (ADR-47), as does a stall not shorter than the
     * total timeout.
     *
     * @param interval the interval, or null
     * @return this builder
     */
    public Builder stall(Duration interval) {
      this.stall = interval == null || interval.isZero() || interval.isNegative() ? null : interval;
      return this;
    }

    /**
     * Sets the maximum number of replies (the sentinel does not count).
     *
     * @param max positive, or 0 for no maximum
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder maxMessages(int max) {
      if (max < 0) {
        throw new IllegalArgumentException(
            "maxMessages must be 0 (no maximum) or more, got " + max);
      }
      this.maxMessages = max;
      return this;
    }

    /**
     * Sets the sentinel: the reply for which {@code isEnd} returns true ends the gathering and is
     * not delivered. The test runs on the thread that consumes the replies (the caller of the
     * iterator, or the connection's event thread for the asynchronous forms).
     *
     * @param isEnd the test
     * @return this builder
     */
    public Builder sentinel(Predicate<Message> isEnd) {
      this.sentinel = Objects.requireNonNull(isEnd, "sentinel");
      return this;
    }

    /**
     * Makes an empty reply the sentinel (the default, the ADR-47 "standard sentinel").
     *
     * @return this builder
     */
    public Builder emptyPayloadSentinel() {
      this.sentinel = EMPTY_PAYLOAD;
      return this;
    }

    /**
     * Turns the sentinel off: empty replies are delivered like any other.
     *
     * @return this builder
     */
    public Builder noSentinel() {
      this.sentinel = null;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public RequestManyOptions build() {
      return new RequestManyOptions(this);
    }
  }
}
