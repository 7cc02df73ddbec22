package io.nats4j.kv;

/**
 * {@code create} found a bucket of that name with another configuration; use {@code update} or
 * {@code createOrUpdate} to change it.
 *
 * <p>Thread-safe: immutable once thrown.
 */
public class BucketExistsException extends KeyValueException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public BucketExistsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
   */
  public BucketExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
