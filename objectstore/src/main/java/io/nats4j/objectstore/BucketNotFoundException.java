package io.nats4j.objectstore;

/**
 * The bucket (its stream {@code OBJ_<bucket>}) does not exist.
 *
 * <p>Thread-safety: immutable.
 */
public class BucketNotFoundException extends ObjectStoreException {
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
   * @param cause the underlying failure
   */
  public BucketNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
