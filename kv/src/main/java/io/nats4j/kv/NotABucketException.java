package io.nats4j.kv;

/**
 * The stream {@code KV_<bucket>} exists but is not a Key/Value bucket (no per-subject message
 * limit, or not listening on {@code $KV.<bucket>.>}).
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class NotABucketException extends KeyValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public NotABucketException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public NotABucketException(String message, Throwable cause) {
    super(message, cause);
  }
}
