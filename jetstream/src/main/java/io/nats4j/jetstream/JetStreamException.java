package io.nats4j.jetstream;

import io.nats4j.client.NatsException;

/**
 * A JetStream failure that is not an error reply from the server: an unreadable response, a publish
 * window that is full, an ack lost with the connection.
 *
 * <p>Thread-safety: immutable.
 */
public class JetStreamException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public JetStreamException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public JetStreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
