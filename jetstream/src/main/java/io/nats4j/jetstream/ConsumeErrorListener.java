package io.nats4j.jetstream;

import io.nats4j.jetstream.internal.consume.LoggingConsumeErrorListener;
import java.time.Duration;

/**
 * Hears what happens to a running consume besides its messages: warnings from the server, missed
 * heartbeats, handler failures, ordered-consumer resets, and the terminal error that ends it.
 *
 * <p>Thread-safety: called from library threads (see docs/THREADING.md): status warnings, handler
 * failures and terminal errors on the thread that delivers the messages, missed heartbeats and
 * resets on the connection's events thread. Keep it quick and do not block. Every method has an
 * empty default (handler failures are logged at WARN), so implement only what you need. A consume
 * started without a listener logs everything through SLF4J (logger {@code io.nats4j.jetstream}):
 * warnings, missed heartbeats and handler failures at WARN, the terminal error at ERROR, ordered
 * resets at INFO.
 */
public interface ConsumeErrorListener {

  /**
   * Nothing (no message, heartbeat or status) came for twice the idle heartbeat while connected. A
   * new pull request follows; this is not terminal.
   *
   * @param silence how long nothing came
   */
  default void heartbeatsMissed(Duration silence) {}

  /**
   * The server ended a pull request with a warning (e.g. {@code 409 Exceeded MaxWaiting}, {@code
   * 409 Exceeded MaxRequestBatch of 10}); the consume goes on.
   *
   * @param code the status code
   * @param description the status description
   */
  default void warning(int code, String description) {}

  /**
   * The consume ended for good (consumer deleted, push based, not found, bad request). Called once;
   * {@link ConsumeHandle#closed()} fails with the same error.
   *
   * @param error what ended it
   */
  default void terminated(JetStreamException error) {}

  /**
   * The handler threw; the message was not acknowledged and the next one is delivered.
   *
   * @param message the message being handled
   * @param error what the handler threw
   */
  default void handlerFailed(JsMessage message, Throwable error) {
    LoggingConsumeErrorListener.logHandlerFailure(message, error);
  }

  /**
   * An ordered consumer recreates its server consumer (sequence gap, missed heartbeats, reconnect,
   * consumer gone) and resumes at {@code nextStreamSequence}.
   *
   * @param reason why
   * @param nextStreamSequence the stream sequence the new consumer starts at
   */
  default void orderedReset(String reason, long nextStreamSequence) {}
}
