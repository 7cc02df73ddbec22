package io.nats4j.client;

/**
 * An operation did not complete in the time it was given: a request without a reply, a flush
 * without its PONG, a connect attempt that did not finish. Never returned as null: always thrown.
 *
 * <p>Thread-safety: immutable.
 */
public class NatsTimeoutException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public NatsTimeoutException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public NatsTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
