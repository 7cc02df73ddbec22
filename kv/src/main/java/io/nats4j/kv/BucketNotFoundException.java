package io.nats4j.kv;

/**
 * The bucket (stream {@code KV_<bucket>}) does not exist.
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class BucketNotFoundException extends KeyValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public BucketNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public BucketNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
