package io.nats4j.objectstore;

/**
 * A name is taken: a rename onto an existing object, or a link whose name is an existing object (a
 * link may replace a link).
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectAlreadyExistsException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ObjectAlreadyExistsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ObjectAlreadyExistsException(String message, Throwable cause) {
    super(message, cause);
  }
}
