package io.nats4j.kv;

import io.nats4j.jetstream.JetStreamException;

/**
 * The root of every Key/Value failure. Bad arguments (an invalid key or bucket name) are {@link
 * IllegalArgumentException}s thrown before anything is sent; server refusals that are not specific
 * to Key/Value stay {@link io.nats4j.jetstream.JetStreamApiException}s.
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class KeyValueException extends JetStreamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public KeyValueException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public KeyValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
