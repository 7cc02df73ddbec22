package io.nats4j.objectstore;

/**
 * What a get read does not match the object's meta: a chunk is missing, extra, reordered or altered
 * in the stream. Thrown at the first point the mismatch is certain (an extra byte at once, a
 * missing or altered chunk at the end, before the end is reported): a get to a file then leaves no
 * file behind, an {@link ObjectReader} throws instead of reporting the end of the object, and a get
 * into an {@code OutputStream} throws after writing at most the object's size.
 *
 * <p>Thread-safety: immutable.
 */
public class ObjectIntegrityException extends ObjectStoreException {
  private static final long serialVersionUID = 1L;

  /** Which check failed. */
  public enum Reason {
    /** Fewer chunks or bytes arrived than the meta says: chunks are missing from the stream. */
    MISSING_DATA,
    /** More chunks or bytes arrived than the meta says. */
    EXTRA_DATA,
    /** Sizes match but the SHA-256 digest does not: a chunk was altered or reordered. */
    DIGEST_MISMATCH,
    /** The meta's digest is not a {@code SHA-256=} digest this client can check. */
    UNKNOWN_DIGEST
  }

  /** Which check failed. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason which check failed
   * @param message what was expected and what arrived
   */
  public ObjectIntegrityException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Returns which check failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
