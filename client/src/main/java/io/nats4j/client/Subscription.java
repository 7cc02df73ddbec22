package io.nats4j.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Interest in a subject. A synchronous subscription ({@link Connection#subscribe(String)}) queues
 * messages until {@link #next(Duration)} takes them; an asynchronous one ({@link
 * Dispatcher#subscribe}) hands them to a {@link MessageHandler}.
 *
 * <p>Thread-safety: all methods are safe from any thread. {@link #next(Duration)} may be called
 * from several threads; each message goes to exactly one caller.
 *
 * <p>Messages wait in a pending queue bounded by {@link #setPendingLimits(long, long)} (defaults
 * from {@link Options.Builder#pendingLimits}); when the queue is full new messages are dropped,
 * counted in {@link #droppedMessages()} and reported once per episode as {@link
 * AsyncError.SlowConsumer}.
 *
 * <pre>{@code
 * Subscription sub = connection.subscribe("orders.>");
 * Message m = sub.next(Duration.ofSeconds(1));   // NatsTimeoutException if nothing came
 * sub.unsubscribe();
 * }</pre>
 */
public interface Subscription {

  /**
   * Returns the subject.
   *
   * @return the subject (possibly with wildcards) this subscription listens on
   */
  String subject();

  /**
   * Returns the queue group.
   *
   * @return the queue group, or null
   */
  String queue();

  /**
   * Takes the next message, waiting up to {@code timeout}.
   *
   * @param timeout how long to wait; zero means do not wait
   * @return the next message, never null
   * @throws NatsTimeoutException if no message arrived in time
   * @throws IllegalStateException if this is an asynchronous subscription, or it is no longer
   *     active and its queue is empty
   * @throws AuthorizationException if the server denied this subscription
   */
  Message next(Duration timeout);

  /**
   * Takes the next message if one arrives within {@code timeout}; never throws for the ordinary
   * outcomes, so it suits polling loops.
   *
   * <pre>{@code
   * while (sub.isActive()) {
   *   sub.poll(Duration.ofMillis(500)).ifPresent(this::handle);
   * }
   * }</pre>
   *
   * @param timeout how long to wait; zero means do not wait
   * @return the next message; empty if none arrived in time, or at once if the subscription is no
   *     longer active (unsubscribed, drained, closed, or denied by the server: see {@link
   *     #isActive()}) and its queue is empty
   * @throws IllegalStateException if this is an asynchronous subscription (a programming error)
   * @throws NatsException if the calling thread is interrupted (its interrupt flag is restored)
   */
  Optional<Message> poll(Duration timeout);

  /**
   * Sets a listener for the asynchronous errors that concern this subscription: {@link
   * AsyncError.SlowConsumer}, {@link AsyncError.MalformedMessage} and the {@link
   * AsyncError.PermissionDenied} that ends it. It is called on the connection's events thread, in
   * order with the connection's events, before the connection's {@link ErrorListener}s, which get
   * the same errors. Errors that happened before it was set are not replayed.
   *
   * @param listener the listener, or null to remove it
   */
  void setErrorListener(ErrorListener listener);

  /**
   * Tells whether messages may still arrive or wait in the queue.
   *
   * @return false once unsubscribed (or drained, closed, denied) and nothing is left to take
   */
  boolean isActive();

  /**
   * Stops interest at once; messages still queued are discarded.
   *
   * @throws ConnectionClosedException never; unsubscribing a closed connection is a no-op
   */
  void unsubscribe();

  /**
   * Stops interest after {@code afterMessages} messages in total (including those already
   * received). The server enforces it too.
   *
   * @param afterMessages the total number of messages to receive, at least 1
   * @throws IllegalArgumentException if {@code afterMessages < 1}
   */
  void unsubscribe(int afterMessages);

  /**
   * Stops interest gracefully: unsubscribes on the server, then lets every message already sent by
   * the server be delivered (to the handler, or to {@link #next(Duration)}).
   *
   * @param timeout how long to wait for that
   * @return completes when the last message was handed over; fails with {@link
   *     NatsTimeoutException} if that takes longer than {@code timeout}
   */
  CompletableFuture<Void> drain(Duration timeout);

  /**
   * Sets the pending limits; a limit of 0 or less means unlimited.
   *
   * @param maxMessages the most messages that may wait
   * @param maxBytes the most payload plus header bytes that may wait
   */
  void setPendingLimits(long maxMessages, long maxBytes);

  /**
   * Returns how many messages are waiting (including one being handled).
   *
   * @return the pending message count
   */
  long pendingMessages();

  /**
   * Returns how many bytes are waiting.
   *
   * @return the pending byte count
   */
  long pendingBytes();

  /**
   * Returns how many messages were dropped over the pending limits.
   *
   * @return the dropped message count
   */
  long droppedMessages();

  /**
   * Returns how many messages the server delivered to this subscription (dropped ones included).
   *
   * @return the delivered message count
   */
  long deliveredMessages();
}
