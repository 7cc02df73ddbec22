package io.nats4j.jetstream.internal.consume;

import io.nats4j.jetstream.ConsumeErrorListener;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener a consume uses when the application gave none: nothing that goes wrong is silent.
 * Server warnings, missed heartbeats and handler failures are logged at WARN, the error that ends
 * the consume at ERROR, ordered-consumer resets at INFO (logger {@code io.nats4j.jetstream}).
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
public final class LoggingConsumeErrorListener implements ConsumeErrorListener {
  static final Logger LOG = LoggerFactory.getLogger("io.nats4j.jetstream");

  /** The one instance. */
  public static final ConsumeErrorListener INSTANCE = new LoggingConsumeErrorListener();

  private LoggingConsumeErrorListener() {}

  @Override
  public void heartbeatsMissed(Duration silence) {
    LOG.warn(
        "consume: no heartbeat for {} ms; asking the server again (register a"
            + " ConsumeErrorListener to handle it)",
        silence.toMillis());
  }

  @Override
  public void warning(int code, String description) {
    LOG.warn("consume: the server ended a pull request with {} {}", code, description);
  }

  @Override
  public void terminated(JetStreamException error) {
    LOG.error("consume ended for good: {}", error.getMessage());
  }

  @Override
  public void handlerFailed(JsMessage message, Throwable error) {
    logHandlerFailure(message, error);
  }

  @Override
  public void orderedReset(String reason, long nextStreamSequence) {
    LOG.info("ordered consumer recreated at stream sequence {}: {}", nextStreamSequence, reason);
  }

  /**
   * Logs a handler failure at WARN with its stack trace (also the default of {@link
   * ConsumeErrorListener#handlerFailed}).
   *
   * @param message the message being handled
   * @param error what the handler threw
   */
  public static void logHandlerFailure(JsMessage message, Throwable error) {
    LOG.warn(
        "consume handler failed on {}; the message was not acknowledged: {}",
        message.subject(),
        error.toString(),
        error);
  }

  /**
   * Logs that a user's listener threw.
   *
   * @param e what it threw
   */
  public static void listenerThrew(RuntimeException e) {
    LOG.warn("a ConsumeErrorListener threw", e);
  }
}
