package io.nats4j.objectstore;

/**
 * The object was replaced or deleted while it was being read, and the chunks of the version being
 * read were purged before all of them arrived. Nothing of the new version was mixed in: get it
 * again to read the current version.
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectChangedException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   */
  public ObjectChangedException(String message) {
    super(message);
  }
}
