package io.nats4j.kv;

/**
 * {@code create} found the key holding a value (not absent, deleted or purged).
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class KeyExistsException extends KeyValueConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public KeyExistsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public KeyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
