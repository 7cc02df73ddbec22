package io.nats4j.kv;

/**
 * A write that expected a revision found another one: the server refused it with "wrong last
 * sequence" (err_code 10071, or 10164 on replicated streams). Read the key again and retry.
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class KeyValueConflictException extends KeyValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public KeyValueConflictException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public KeyValueConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
