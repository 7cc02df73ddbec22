package io.nats4j.jetstream;

/**
 * Receives the messages of {@link MessageSource#consume(JsMessageHandler)}.
 *
 * <p>Thread-safety: called by one thread at a time for a given consume, in delivery order (see
 * docs/THREADING.md: the dispatcher of the consume). It may block and may call the connection, the
 * message's acks and the consume handle ({@code stop()}, {@code drain()}). An exception it throws
 * is reported to the {@link ConsumeErrorListener} (or logged) and the next message is delivered;
 * the message is not acknowledged.
 */
@FunctionalInterface
public interface JsMessageHandler {

  /**
   * Handles one message.
   *
   * @param message the message, never null and never a status message
   */
  void onMessage(JsMessage message);
}
