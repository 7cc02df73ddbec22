package io.nats4j.jetstream;

import io.nats4j.client.Dispatcher;

/**
 * Options of {@link PushConsumer#consume} and {@link PushConsumer#messages}. A push consumer's
 * delivery (deliver subject and group, idle heartbeat, flow control, rate) is part of its server
 * configuration, so only the client side is set here: where the handler runs and who hears about
 * missed heartbeats, unexpected statuses, handler failures and the terminal error.
 *
 * <pre>{@code
 * PushConsumeOptions o = PushConsumeOptions.builder()
 *     .dispatcher(connection.createDispatcher("orders"))
 *     .errorListener(new ConsumeErrorListener() {
 *        public void heartbeatsMissed(Duration d) { log.warn("no heartbeat for {}", d); }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class PushConsumeOptions {
  private static final PushConsumeOptions DEFAULTS = builder().build();

  private final ConsumeErrorListener errorListener;
  private final Dispatcher dispatcher;

  private PushConsumeOptions(Builder b) {
    this.errorListener = b.errorListener;
    this.dispatcher = b.dispatcher;
  }

  /**
   * Returns the defaults: the connection's default dispatcher, no listener (handler failures are
   * logged).
   *
   * @return the defaults
   */
  public static PushConsumeOptions defaults() {
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
   * Returns the listener.
   *
   * @return the listener, or null for none
   */
  public ConsumeErrorListener errorListener() {
    return errorListener;
  }

  /**
   * Returns the dispatcher that runs the handler of {@link PushConsumer#consume}.
   *
   * @return the dispatcher, or null for the connection's default dispatcher
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** Builds {@link PushConsumeOptions}. Not thread-safe. */
  public static final class Builder {
    private ConsumeErrorListener errorListener;
    private Dispatcher dispatcher;

    private Builder() {}

    /**
     * Sets who hears about missed heartbeats, unexpected statuses, handler failures and the
     * terminal error.
     *
     * @param errorListener the listener, or null for none
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
     * Builds the options.
     *
     * @return the options
     */
    public PushConsumeOptions build() {
      return new PushConsumeOptions(this);
    }
  }
}
