package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Optional;

/**
 * Something messages can be read from: a named pull consumer ({@link ConsumerContext}) or an {@link
 * OrderedConsumer}. Three ways to read, per ADR-37:
 *
 * <ul>
 *   <li>{@link #next(Duration)}: one message, or empty when none came in time.
 *   <li>{@link #fetch(FetchOptions)}: a batch bounded by count and/or bytes and an expiry; it ends
 *       on the server's terminal status and never waits past its expiry (plus a short grace for the
 *       server's end-of-request status to arrive).
 *   <li>{@link #consume(JsMessageHandler, ConsumeOptions)} / {@link #messages(ConsumeOptions)}:
 *       continuous delivery with pull requests kept ahead of processing, idle heartbeats, re-pulls
 *       after a reconnect.
 * </ul>
 *
 * <pre>{@code
 * ConsumerContext c = js.consumer("ORDERS", "processor");
 * try (ConsumeHandle h = c.consume(msg -> { process(msg); msg.ack(); })) {
 *   ...
 *   h.drain().get();        // stop pulling, finish what arrived
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe from any thread; several consumes, fetches and iterators may run on one
 * source at the same time (each gets its own subscription).
 */
public interface MessageSource {

  /**
   * Pulls one message.
   *
   * @param maxWait how long the server holds the request; positive
   * @return the message, or empty when none came in time
   * @throws IllegalArgumentException if {@code maxWait} is not positive
   * @throws JetStreamException if the consumer is deleted, push based, or the request was refused
   */
  Optional<JsMessage> next(Duration maxWait);

  /**
   * Pulls a batch and waits until it is complete, the server ends the request, or it expires.
   *
   * @param options the batch size (messages and/or bytes), expiry, no-wait, heartbeat
   * @return the messages that came, in order, and why the fetch ended
   * @throws JetStreamException if the consumer is deleted, push based, or the request was refused
   *     before any message came (after some came, the result carries the error)
   */
  FetchResult fetch(FetchOptions options);

  /**
   * Delivers messages to a handler until stopped.
   *
   * @param handler runs for each message (see {@link JsMessageHandler} for the thread)
   * @param options batch, thresholds, expiry, heartbeat, listener, dispatcher
   * @return the handle to stop or drain it
   * @throws JetStreamException if the consumer is push based (nothing sent)
   */
  ConsumeHandle consume(JsMessageHandler handler, ConsumeOptions options);

  /**
   * Delivers messages to a handler with the default options.
   *
   * @param handler runs for each message
   * @return the handle to stop or drain it
   */
  default ConsumeHandle consume(JsMessageHandler handler) {
    return consume(handler, ConsumeOptions.defaults());
  }

  /**
   * Opens a blocking iterator kept filled like {@link #consume}.
   *
   * @param options batch, thresholds, expiry, heartbeat, listener
   * @return the iterator; close it when done
   * @throws JetStreamException if the consumer is push based (nothing sent)
   */
  ConsumerMessages messages(ConsumeOptions options);

  /**
   * Opens a blocking iterator with the default options.
   *
   * @return the iterator; close it when done
   */
  default ConsumerMessages messages() {
    return messages(ConsumeOptions.defaults());
  }
}
