package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a {@link FastPublisher} paces a fast-ingest batch (ADR-50).
 *
 * <pre>{@code
 * FastPublishOptions o = FastPublishOptions.builder()
 *     .flow(500)                       // ask for an ack every 500 messages at most
 *     .maxOutstandingAcks(2)           // keep sending while the server works on one flow window
 *     .gapMode(FastPublishOptions.GapMode.FAIL)
 *     .listener(e -> log.warn("batch: {}", e))
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class FastPublishOptions {
  /** What a lost message does to the batch. */
  public enum GapMode {
    /** A gap ends the batch: what is stored is the batch up to the gap, in order, without holes. */
    FAIL,
    /** A gap is reported and the batch continues. */
    OK
  }

  private static final FastPublishOptions DEFAULTS = builder().build();

  private final int flow;
  private final int maxOutstandingAcks;
  private final GapMode gapMode;
  private final Duration ackTimeout;
  private final Consumer<FastPublishEvent> listener;

  private FastPublishOptions(Builder b) {
    this.flow = b.flow;
    this.maxOutstandingAcks = b.maxOutstandingAcks;
    this.gapMode = b.gapMode;
    this.ackTimeout = b.ackTimeout;
    this.listener = b.listener;
  }

  /**
   * Returns the defaults: flow 500, 2 outstanding acks, gap mode FAIL, the context's ack timeout.
   *
   * @return the defaults
   */
  public static FastPublishOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the largest flow the client asks for: the server acks at most every this many messages
   * (it may ack more often, to slow the publisher down when other publishers share the stream).
   *
   * @return the flow, 1 to 65535
   */
  public int flow() {
    return flow;
  }

  /**
   * Returns how many flow windows may be unacknowledged before {@code add} waits.
   *
   * @return 1 to 3
   */
  public int maxOutstandingAcks() {
    return maxOutstandingAcks;
  }

  /**
   * Returns the gap mode.
   *
   * @return the gap mode
   */
  public GapMode gapMode() {
    return gapMode;
  }

  /**
   * Returns how long {@code add} and {@code commit} wait for an ack, or null for the context's
   * {@link JetStreamOptions#publishAckTimeout()}.
   *
   * @return the timeout or null
   */
  public Duration ackTimeout() {
    return ackTimeout;
  }

  /**
   * Returns the listener for gaps and refused messages, or null.
   *
   * @return the listener or null
   */
  public Consumer<FastPublishEvent> listener() {
    return listener;
  }

  /**
   * Builds {@link FastPublishOptions}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private int flow = 500;
    private int maxOutstandingAcks = 2;
    private GapMode gapMode = GapMode.FAIL;
    private Duration ackTimeout;
    private Consumer<FastPublishEvent> listener;

    private Builder() {}

    /**
     * Sets the largest flow: an ack at most every this many messages (default 500; the server caps
     * it at 500 today).
     *
     * @param flow 1 to 65535
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder flow(int flow) {
      if (flow < 1 || flow > 65535) {
        throw new IllegalArgumentException("flow must be 1 to 65535, was " + flow);
      }
      this.flow = flow;
      return this;
    }

    /**
     * Sets how many flow windows may be unacknowledged before {@code add} waits (default 2: the
     * server stores one window while the next is sent; 3 only for long round trips).
     *
     * @param maxOutstandingAcks 1 to 3
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxOutstandingAcks(int maxOutstandingAcks) {
      if (maxOutstandingAcks < 1 || maxOutstandingAcks > 3) {
        throw new IllegalArgumentException(
            "maxOutstandingAcks must be 1 to 3, was " + maxOutstandingAcks);
      }
      this.maxOutstandingAcks = maxOutstandingAcks;
      return this;
    }

    /**
     * Sets the gap mode (default {@link GapMode#FAIL}).
     *
     * @param gapMode the mode
     * @return this
     */
    public Builder gapMode(GapMode gapMode) {
      this.gapMode = Objects.requireNonNull(gapMode, "gapMode");
      return this;
    }

    /**
     * Sets how long to wait for an ack (default: the context's publish ack timeout). While waiting,
     * the publisher pings the batch every third of it, so a lost flow ack is sent again.
     *
     * @param ackTimeout a positive duration
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder ackTimeout(Duration ackTimeout) {
      if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
        throw new IllegalArgumentException("ackTimeout must be positive, was " + ackTimeout);
      }
      this.ackTimeout = ackTimeout;
      return this;
    }

    /**
     * Sets the listener for gaps and refused messages; it runs on the publishing thread.
     *
     * @param listener the listener, or null
     * @return this
     */
    public Builder listener(Consumer<FastPublishEvent> listener) {
      this.listener = listener;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public FastPublishOptions build() {
      return new FastPublishOptions(this);
    }
  }
}
