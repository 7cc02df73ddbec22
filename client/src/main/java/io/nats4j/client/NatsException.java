package io.nats4j.client;

/**
 * The root of every exception nats4j throws for a NATS failure. Unchecked: catch it where you can
 * act on it, or catch one of its subclasses to handle one kind of failure differently.
 *
 * <p>Bad arguments (an empty subject, a subject with a space) are reported with {@link
 * IllegalArgumentException} before anything is written to the connection; see {@code
 * docs/ERRORS.md} for the whole map.
 *
 * <p>Thread-safety: immutable.
 */
public class NatsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what happened and what to do.
   *
   * @param message the explanation
   */
  public NatsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message the explanation
   * @param cause what went wrong underneath, may be null
   */
  public NatsException(String message, Throwable cause) {
    super(message, cause);
  }
}
