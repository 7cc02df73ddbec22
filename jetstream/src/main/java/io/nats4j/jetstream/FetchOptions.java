package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;

/**
 * What one {@link MessageSource#fetch} asks for: at most {@link Builder#maxMessages(int)} messages
 * and/or {@link Builder#maxBytes(long)} bytes, waiting at most {@link Builder#expiresIn(Duration)}
 * (default 30 s), or only what is there now ({@link Builder#noWait()}).
 *
 * <pre>{@code
 * FetchResult r = consumer.fetch(FetchOptions.messages(100));
 * FetchResult s = consumer.fetch(FetchOptions.builder().maxBytes(1 << 20)
 *     .expiresIn(Duration.ofSeconds(2)).build());
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe. Values are checked when set and in
 * {@link Builder#build()}, before anything is sent.
 */
public final class FetchOptions {
  /** Default expiry. */
  public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(30);

  /** From this expiry on, heartbeats are asked for by default (ADR-37). */
  public static final Duration HEARTBEAT_BY_DEFAULT_ABOVE = Duration.ofSeconds(30);

  private final int maxMessages;
  private final long maxBytes;
  private final Duration expiresIn;
  private final boolean noWait;
  private final Duration idleHeartbeat;
  private final PriorityPull priority;

  private FetchOptions(Builder b, int maxMessages, Duration heartbeat) {
    this.maxMessages = maxMessages;
    this.maxBytes = b.maxBytes;
    this.expiresIn = b.expiresIn;
    this.noWait = b.noWait;
    this.idleHeartbeat = heartbeat;
    this.priority = b.priority;
  }

  /**
   * Fetches up to {@code maxMessages} messages, waiting up to 30 s.
   *
   * @param maxMessages positive
   * @return the options
   */
  public static FetchOptions messages(int maxMessages) {
    return builder().maxMessages(maxMessages).build();
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the message bound.
   *
   * @return the most messages ({@link ConsumeOptions#BATCH_FOR_BYTES} when only bytes were set)
   */
  public int maxMessages() {
    return maxMessages;
  }

  /**
   * Returns the byte bound.
   *
   * @return the most bytes, 0 for none
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the expiry.
   *
   * @return how long the server holds the request
   */
  public Duration expiresIn() {
    return expiresIn;
  }

  /**
   * Tells whether only messages available now are fetched.
   *
   * @return true for no-wait
   */
  public boolean noWait() {
    return noWait;
  }

  /**
   * Returns the idle heartbeat.
   *
   * @return the heartbeat, or null for none
   */
  public Duration idleHeartbeat() {
    return idleHeartbeat;
  }

  /**
   * Returns the priority-group fields.
   *
   * @return the fields, or null
   */
  public PriorityPull priority() {
    return priority;
  }

  /**
   * Builds {@link FetchOptions}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private int maxMessages;
    private long maxBytes;
    private Duration expiresIn = DEFAULT_EXPIRES;
    private boolean noWait;
    private Duration idleHeartbeat;
    private PriorityPull priority;

    private Builder() {}

    /**
     * Sets the most messages.
     *
     * @param maxMessages positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxMessages(int maxMessages) {
      PullChecks.requirePositive("maxMessages", maxMessages);
      this.maxMessages = maxMessages;
      return this;
    }

    /**
     * Sets the most bytes (subject + reply + headers + payload per message).
     *
     * @param maxBytes positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBytes(long maxBytes) {
      PullChecks.requirePositive("maxBytes", maxBytes);
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets how long the server holds the request.
     *
     * @param expiresIn positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder expiresIn(Duration expiresIn) {
      Objects.requireNonNull(expiresIn, "expiresIn");
      if (expiresIn.isNegative() || expiresIn.isZero()) {
        throw new IllegalArgumentException("expiresIn must be positive, got " + expiresIn);
      }
      this.expiresIn = expiresIn;
      return this;
    }

    /**
     * Fetches only what is available now: the server ends the request at once when it has nothing
     * (more) to deliver.
     *
     * @return this builder
     */
    public Builder noWait() {
      this.noWait = true;
      return this;
    }

    /**
     * Asks for idle heartbeats; the fetch ends early with an error when two in a row are missed.
     *
     * @param idleHeartbeat positive and at most half the expiry
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder idleHeartbeat(Duration idleHeartbeat) {
      Objects.requireNonNull(idleHeartbeat, "idleHeartbeat");
      if (idleHeartbeat.isNegative() || idleHeartbeat.isZero()) {
        throw new IllegalArgumentException("idleHeartbeat must be positive, got " + idleHeartbeat);
      }
      this.idleHeartbeat = idleHeartbeat;
      return this;
    }

    /**
     * Sets the priority-group fields.
     *
     * @param priority the fields, or null
     * @return this builder
     */
    public Builder priority(PriorityPull priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if neither messages nor bytes were set, or the heartbeat is
     *     longer than half the expiry
     */
    public FetchOptions build() {
      if (maxMessages == 0 && maxBytes == 0) {
        throw new IllegalArgumentException("a fetch needs maxMessages and/or maxBytes");
      }
      int messages = maxMessages > 0 ? maxMessages : ConsumeOptions.BATCH_FOR_BYTES;
      Duration heartbeat = null;
      if (!noWait
          && (idleHeartbeat != null || expiresIn.compareTo(HEARTBEAT_BY_DEFAULT_ABOVE) > 0)) {
        heartbeat = PullChecks.heartbeat(idleHeartbeat, expiresIn);
      }
      return new FetchOptions(this, messages, heartbeat);
    }
  }
}
