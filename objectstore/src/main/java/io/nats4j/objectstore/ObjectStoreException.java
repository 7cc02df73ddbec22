package io.nats4j.objectstore;

/**
 * The root of Object Store failures that are not plain JetStream API errors: a meta that cannot be
 * read, a put that failed midway (its chunks were purged, the previous version of the object is
 * untouched).
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectStoreException extends io.nats4j.jetstream.JetStreamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ObjectStoreException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened and what to do
   * @param cause the underlying failure
   */
  public ObjectStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
