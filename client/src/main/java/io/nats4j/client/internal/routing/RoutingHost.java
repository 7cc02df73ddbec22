package io.nats4j.client.internal.routing;

import io.nats4j.client.Headers;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.util.concurrent.CompletableFuture;

/**
 * What routing needs from the connection: write protocol ops, report errors, run completions off
 * the reader thread. Implemented by the connection; keeps routing free of sockets and state.
 *
 * <p>Thread-safety: implementations are safe from any thread.
 */
public interface RoutingHost {

  /**
   * Writes {@code SUB subject [queue] sid}.
   *
   * @param sid the subscription id
   * @param subject the validated subject
   * @param queue the validated queue group or null
   * @throws io.nats4j.client.ConnectionClosedException if no new subscriptions are allowed
   */
  void sendSubscribe(long sid, String subject, String queue);

  /**
   * Writes {@code UNSUB sid [max]}.
   *
   * @param sid the subscription id
   * @param max stop after this many messages in total, or 0 for at once
   * @return true if it was written for the current transport; false while disconnected or closed
   *     (the server that knew the subscription is gone; the next one learns only what the
   *     resubscribe preamble sends)
   */
  boolean sendUnsubscribe(long sid, long max);

  /**
   * Writes a PING; the future completes when its PONG arrives (on the reader thread).
   *
   * @return the PONG future
   */
  CompletableFuture<Void> ping();

  /**
   * Publishes a reply.
   *
   * @param subject the subject
   * @param replyTo the reply subject or null
   * @param headers the headers or null
   * @param data the payload
   */
  void publish(String subject, String replyTo, Headers headers, byte[] data);

  /**
   * Publishes a reply to a message's reply subject (a subject the server gave).
   *
   * @param serverSubject the reply subject of a received message
   * @param headers the headers or null
   * @param data the payload
   */
  default void respond(String serverSubject, Headers headers, byte[] data) {
    publish(serverSubject, null, headers, data);
  }

  /**
   * Reports the start of a slow-consumer episode.
   *
   * @param subscription the subscription that dropped messages
   */
  void slowConsumer(NatsSubscription subscription);

  /**
   * Reports a message that was not delivered because it is malformed.
   *
   * @param subscription the subscription it was for
   * @param subject its subject
   * @param error what is wrong with it
   */
  void malformedMessage(NatsSubscription subscription, String subject, ProtocolException error);

  /**
   * Runs a completion on the event thread, in order with events.
   *
   * @param task the completion
   */
  void runOnEventThread(Runnable task);

  /**
   * Returns the connection's scheduler, for timeouts.
   *
   * @return the scheduler
   */
  ConnectionScheduler scheduler();
}
