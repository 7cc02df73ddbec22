package io.nats4j.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A thread that runs the {@link MessageHandler}s of its subscriptions, one message at a time, in
 * arrival order. Get the connection's shared one with {@link Connection#defaultDispatcher()} or a
 * new one (with its own thread) with {@link Connection#createDispatcher(String)}.
 *
 * <p>Thread-safety: all methods are safe from any thread, including from a handler.
 *
 * <pre>{@code
 * Dispatcher d = connection.createDispatcher("orders");
 * d.subscribe("orders.*", msg -> process(msg));
 * d.subscribe("jobs", "workers", msg -> msg.respond("done"));
 * }</pre>
 */
public interface Dispatcher {

  /**
   * Returns the name, which is also part of the thread name.
   *
   * @return the name
   */
  String name();

  /**
   * Subscribes a handler.
   *
   * @param subject the subject, wildcards allowed
   * @param handler runs for each message
   * @return the subscription; {@link Subscription#next(Duration)} is not available on it
   * @throws IllegalArgumentException if the subject is invalid
   * @throws ConnectionClosedException if the connection or dispatcher is closed
   */
  Subscription subscribe(String subject, MessageHandler handler);

  /**
   * Subscribes a handler in a queue group: each message goes to one member of the group.
   *
   * @param subject the subject, wildcards allowed
   * @param queue the queue group name
   * @param handler runs for each message
   * @return the subscription
   * @throws IllegalArgumentException if the subject or queue is invalid
   * @throws ConnectionClosedException if the connection or dispatcher is closed
   */
  Subscription subscribe(String subject, String queue, MessageHandler handler);

  /**
   * Drains every subscription of this dispatcher (see {@link Subscription#drain(Duration)}), then
   * stops its thread.
   *
   * @param timeout how long to wait
   * @return completes when all were drained; fails with {@link NatsTimeoutException} on timeout
   */
  CompletableFuture<Void> drain(Duration timeout);

  /**
   * Unsubscribes every subscription of this dispatcher at once and stops its thread. Closing the
   * default dispatcher is not allowed (it closes with the connection).
   *
   * @throws IllegalStateException for the default dispatcher
   */
  void close();
}
