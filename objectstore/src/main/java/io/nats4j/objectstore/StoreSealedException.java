package io.nats4j.objectstore;

/**
 * The bucket is sealed: it refuses puts, deletes, meta updates and links. Sealing cannot be undone.
 *
 * <p>Thread-safety: immutable.
 */
public class StoreSealedException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public StoreSealedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public StoreSealedException(String message, Throwable cause) {
    super(message, cause);
  }
}
