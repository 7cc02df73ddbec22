package io.nats4j.objectstore;

/**
 * The object does not exist, or was deleted (when deleted objects were not asked for).
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectNotFoundException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ObjectNotFoundException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ObjectNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
