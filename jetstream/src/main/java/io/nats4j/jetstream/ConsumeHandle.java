package io.nats4j.jetstream;

import java.util.concurrent.CompletableFuture;

/**
 * Controls a running {@link MessageSource#consume}.
 *
 * <p>Thread-safety: safe from any thread, including from the handler.
 */
public interface ConsumeHandle extends AutoCloseable {

  /**
   * Ends delivery at once: no more pulls, messages not yet handed to the handler are dropped (the
   * server redelivers unacknowledged ones after their ack wait). A handler call running now
   * finishes. Idempotent.
   */
  void stop();

  /**
   * Stops pulling, delivers the messages that already arrived, and completes when the last handler
   * call has returned. Calling it again returns the same future.
   *
   * @return completes after the last handler call; never fails
   */
  CompletableFuture<Void> drain();

  /**
   * Completes when the consume is over: normally after {@link #stop()} or {@link #drain()},
   * exceptionally with a {@link JetStreamException} when a terminal error ended it.
   *
   * @return the future
   */
  CompletableFuture<Void> closed();

  /** Same as {@link #stop()}. */
  @Override
  void close();
}
