package io.nats4j.objectstore;

/**
 * A link cannot be made or followed: a link to a link, to a deleted or missing object, or a get of
 * a link to a whole bucket.
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectLinkException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ObjectLinkException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ObjectLinkException(String message, Throwable cause) {
    super(message, cause);
  }
}
