package io.nats4j.jetstream;

import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import java.time.Duration;

/**
 * A message delivered by a JetStream consumer (pull, push or ordered), with its metadata and its
 * acknowledgements.
 *
 * <pre>{@code
 * consumer.consume(msg -> {
 *   try {
 *     process(msg.data());
 *     msg.ack();
 *   } catch (RetryLater e) {
 *     msg.nak(Duration.ofSeconds(5));     // redelivered after 5 s, not before
 *   }
 * });
 * }</pre>
 *
 * <p>Acks ({@code +ACK}, {@code -NAK}, {@code +TERM}, {@code +WPI}) are published to the reply
 * subject; they are fire-and-forget except {@link #ackSync(Duration)}, which waits for the server.
 * A message is acknowledged once: a second {@link #ack()}, {@link #nak()} or {@link #term()} throws
 * {@link IllegalStateException} naming the first one; {@link #inProgress()} may be sent any number
 * of times before that. On a consumer with ack policy {@code none} every ack throws {@link
 * IllegalStateException} (nothing would be listening). After the connection closed, acks throw
 * {@link ConnectionClosedException}; while it reconnects they are buffered like any publish.
 *
 * <p>Thread-safety: safe from any thread; the first acknowledgement wins.
 */
public interface JsMessage extends Message {

  /**
   * Returns the metadata parsed from the reply subject.
   *
   * @return the metadata
   * @throws IllegalStateException if the message has no JetStream reply subject
   */
  MessageMetadata metadata();

  /**
   * Acknowledges the message ({@code +ACK}).
   *
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void ack();

  /**
   * Asks for redelivery as soon as possible ({@code -NAK}).
   *
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void nak();

  /**
   * Asks for redelivery after a delay ({@code -NAK {"delay":<nanos>}}).
   *
   * @param delay how long the server waits before redelivering; positive
   * @throws IllegalArgumentException if the delay is negative or zero
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void nak(Duration delay);

  /**
   * Stops delivery of this message for good ({@code +TERM}).
   *
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void term();

  /**
   * Stops delivery of this message for good and gives the server a reason ({@code +TERM <reason>}),
   * shown in the server's advisory.
   *
   * @param reason a short text without line breaks
   * @throws IllegalArgumentException if the reason holds CR or LF
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void term(String reason);

  /**
   * Tells the server the message is still being worked on ({@code +WPI}), which restarts its ack
   * wait. May be called any number of times before the final acknowledgement.
   *
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void inProgress();

  /**
   * Acknowledges and waits for the server to confirm it stored the ack.
   *
   * @param timeout how long to wait for the confirmation
   * @throws NatsTimeoutException if no confirmation came in time (the ack may still have been
   *     stored; the message counts as acknowledged on this side)
   * @throws IllegalStateException if already acknowledged, or the consumer does not take acks
   * @throws ConnectionClosedException if the connection is closed
   */
  void ackSync(Duration timeout);

  /**
   * Tells whether a final acknowledgement (ack, nak, term) was sent for this message object.
   *
   * @return true after {@link #ack()}, {@link #nak()}, {@link #term()} and their variants
   */
  boolean isAcked();
}
