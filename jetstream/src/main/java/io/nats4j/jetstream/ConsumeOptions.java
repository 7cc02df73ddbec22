package io.nats4j.jetstream;

import io.nats4j.client.Dispatcher;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link MessageSource#consume} and {@link MessageSource#messages} pull (ADR-37).
 *
 * <p>The buffer is bounded either by messages ({@link Builder#batchSize(int)}, default 500) or by
 * bytes ({@link Builder#maxBytes(long)}), never both. A new pull request is sent when what is still
 * expected falls to the threshold (default half the buffer). Each request expires after {@link
 * Builder#expiresIn(Duration)} (default 30 s, at least 1 s) and asks the server for idle heartbeats
 * (default half the expiry, capped at 30 s; between 500 ms and half the expiry).
 *
 * <pre>{@code
 * ConsumeOptions o = ConsumeOptions.builder().batchSize(100).expiresIn(Duration.ofSeconds(10))
 *     .errorListener(new ConsumeErrorListener() {
 *        public void heartbeatsMissed(Duration d) { log.warn("no heartbeat for {}", d); }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe. Every value is checked when set or
 * in {@link Builder#build()}, so bad input fails before anything is sent.
 */
public final class ConsumeOptions {
  /** Default messages per buffer. */
  public static final int DEFAULT_BATCH = 500;

  /** Default expiry of each pull request. */
  public static final Duration DEFAULT_EXPIRES = Duration.ofSeconds(30);

  /** The shortest expiry accepted (ADR-37). */
  public static final Duration MIN_EXPIRES = Duration.ofSeconds(1);

  /** The shortest idle heartbeat accepted (ADR-37). */
  public static final Duration MIN_HEARTBEAT = Duration.ofMillis(500);

  /** The longest idle heartbeat used by default. */
  public static final Duration MAX_DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

  /** The batch sent with {@code max_bytes}, so the server does not stop at one message. */
  public static final int BATCH_FOR_BYTES = 1_000_000;

  private static final ConsumeOptions DEFAULTS = builder().build();

  private final int batchSize;
  private final long maxBytes;
  private final Duration expiresIn;
  private final Duration idleHeartbeat;
  private final int thresholdMessages;
  private final long thresholdBytes;
  private final ConsumeErrorListener errorListener;
  private final Dispatcher dispatcher;
  private final PriorityPull priority;

  private ConsumeOptions(
      Builder b, int batch, Duration heartbeat, int thresholdMessages, long thresholdBytes) {
    this.batchSize = b.maxBytes > 0 ? BATCH_FOR_BYTES : batch;
    this.maxBytes = b.maxBytes;
    this.expiresIn = b.expiresIn;
    this.idleHeartbeat = heartbeat;
    this.thresholdMessages = thresholdMessages;
    this.thresholdBytes = thresholdBytes;
    this.errorListener = b.errorListener;
    this.dispatcher = b.dispatcher;
    this.priority = b.priority;
  }

  /**
   * Returns the default options.
   *
   * @return batch 500, expiry 30 s, heartbeat 15 s, thresholds at half
   */
  public static ConsumeOptions defaults() {
    return DEFAULTS;
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
   * Returns the messages per pull request buffer.
   *
   * @return the batch ({@link #BATCH_FOR_BYTES} when bounded by bytes)
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns the byte bound.
   *
   * @return the bytes per buffer, or 0 when bounded by messages
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the expiry of each pull request.
   *
   * @return the expiry
   */
  public Duration expiresIn() {
    return expiresIn;
  }

  /**
   * Returns the idle heartbeat asked of the server.
   *
   * @return the heartbeat
   */
  public Duration idleHeartbeat() {
    return idleHeartbeat;
  }

  /**
   * Returns the message threshold.
   *
   * @return a new pull is sent when at most this many messages are still expected
   */
  public int thresholdMessages() {
    return thresholdMessages;
  }

  /**
   * Returns the byte threshold.
   *
   * @return a new pull is sent when at most this many bytes are still expected (0 when bounded by
   *     messages)
   */
  public long thresholdBytes() {
    return thresholdBytes;
  }

  /**
   * Returns the listener.
   *
   * @return the listener, or null
   */
  public ConsumeErrorListener errorListener() {
    return errorListener;
  }

  /**
   * Returns the dispatcher that runs the handler.
   *
   * @return the dispatcher, or null for the connection's default dispatcher
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Returns the priority-group fields sent with each pull.
   *
   * @return the fields, or null
   */
  public PriorityPull priority() {
    return priority;
  }

  /**
   * Builds {@link ConsumeOptions}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private int batchSize = -1;
    private long maxBytes;
    private Duration expiresIn = DEFAULT_EXPIRES;
    private Duration idleHeartbeat;
    private int thresholdMessages = -1;
    private long thresholdBytes = -1;
    private ConsumeErrorListener errorListener;
    private Dispatcher dispatcher;
    private PriorityPull priority;

    private Builder() {}

    /**
     * Bounds the buffer by messages.
     *
     * @param batchSize the most messages asked for at a time; positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder batchSize(int batchSize) {
      PullChecks.requirePositive("batchSize", batchSize);
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Bounds the buffer by bytes (subject + reply + headers + payload, as the server counts).
     *
     * @param maxBytes the most bytes asked for at a time; positive
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxBytes(long maxBytes) {
      PullChecks.requirePositive("maxBytes", maxBytes);
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the expiry of each pull request.
     *
     * @param expiresIn at least {@link #MIN_EXPIRES}
     * @return this builder
     * @throws IllegalArgumentException if shorter than 1 s
     */
    public Builder expiresIn(Duration expiresIn) {
      Objects.requireNonNull(expiresIn, "expiresIn");
      if (expiresIn.compareTo(MIN_EXPIRES) < 0) {
        throw new IllegalArgumentException(
            "expiresIn must be at least " + MIN_EXPIRES.toMillis() + " ms, got " + expiresIn);
      }
      this.expiresIn = expiresIn;
      return this;
    }

    /**
     * Sets the idle heartbeat the server sends while it has nothing to deliver.
     *
     * @param idleHeartbeat at least 500 ms and at most half the expiry
     * @return this builder
     * @throws IllegalArgumentException if shorter than 500 ms (the half-expiry bound is checked in
     *     {@link #build()})
     */
    public Builder idleHeartbeat(Duration idleHeartbeat) {
      Objects.requireNonNull(idleHeartbeat, "idleHeartbeat");
      if (idleHeartbeat.compareTo(MIN_HEARTBEAT) < 0) {
        throw new IllegalArgumentException(
            "idleHeartbeat must be at least "
                + MIN_HEARTBEAT.toMillis()
                + " ms, got "
                + idleHeartbeat);
      }
      this.idleHeartbeat = idleHeartbeat;
      return this;
    }

    /**
     * Sets the message threshold for re-pulling.
     *
     * @param thresholdMessages 0 to the batch size
     * @return this builder
     * @throws IllegalArgumentException if negative (the upper bound is checked in {@link #build()})
     */
    public Builder thresholdMessages(int thresholdMessages) {
      if (thresholdMessages < 0) {
        throw new IllegalArgumentException(
            "thresholdMessages must not be negative, got " + thresholdMessages);
      }
      this.thresholdMessages = thresholdMessages;
      return this;
    }

    /**
     * Sets the byte threshold for re-pulling (with {@link #maxBytes(long)}).
     *
     * @param thresholdBytes 0 to max bytes
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder thresholdBytes(long thresholdBytes) {
      if (thresholdBytes < 0) {
        throw new IllegalArgumentException(
            "thresholdBytes must not be negative, got " + thresholdBytes);
      }
      this.thresholdBytes = thresholdBytes;
      return this;
    }

    /**
     * Sets the listener for warnings, missed heartbeats, handler failures and terminal errors.
     *
     * @param errorListener the listener, or null
     * @return this builder
     */
    public Builder errorListener(ConsumeErrorListener errorListener) {
      this.errorListener = errorListener;
      return this;
    }

    /**
     * Sets the dispatcher whose thread runs the handler (default: the connection's default
     * dispatcher). Give a slow handler its own dispatcher so it does not delay other subscriptions.
     *
     * @param dispatcher the dispatcher, or null for the default one
     * @return this builder
     */
    public Builder dispatcher(Dispatcher dispatcher) {
      this.dispatcher = dispatcher;
      return this;
    }

    /**
     * Sets the priority-group fields sent with each pull (ADR-42, server 2.11+).
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
     * @throws IllegalArgumentException if batch size and max bytes are both set, a threshold is
     *     above its bound, or the heartbeat is longer than half the expiry
     */
    public ConsumeOptions build() {
      if (batchSize > 0 && maxBytes > 0) {
        throw new IllegalArgumentException(
            "set batchSize or maxBytes, not both (ADR-37: the buffer has one bound)");
      }
      int batch = batchSize > 0 ? batchSize : DEFAULT_BATCH;
      if (maxBytes > 0 && thresholdMessages >= 0) {
        throw new IllegalArgumentException("thresholdMessages needs batchSize, not maxBytes");
      }
      if (maxBytes == 0 && thresholdBytes >= 0) {
        throw new IllegalArgumentException("thresholdBytes needs maxBytes");
      }
      if (thresholdMessages > batch) {
        throw new IllegalArgumentException(
            "thresholdMessages ("
                + thresholdMessages
                + ") must not exceed batchSize ("
                + batch
                + ")");
      }
      if (maxBytes > 0 && thresholdBytes > maxBytes) {
        throw new IllegalArgumentException(
            "thresholdBytes (" + thresholdBytes + ") must not exceed maxBytes (" + maxBytes + ")");
      }
      Duration heartbeat = PullChecks.heartbeat(idleHeartbeat, expiresIn);
      int tm = maxBytes > 0 ? 0 : thresholdMessages >= 0 ? thresholdMessages : batch / 2;
      long tb = maxBytes > 0 ? (thresholdBytes >= 0 ? thresholdBytes : maxBytes / 2) : 0;
      return new ConsumeOptions(this, batch, heartbeat, tm, tb);
    }
  }
}
