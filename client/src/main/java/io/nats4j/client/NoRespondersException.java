package io.nats4j.client;

/**
 * A request was published to a subject that no subscriber listens on: the server answered at once
 * with a {@code 503} status instead of letting the request time out.
 *
 * <p>Thread-safety: immutable.
 */
public class NoRespondersException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public NoRespondersException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public NoRespondersException(String message, Throwable cause) {
    super(message, cause);
  }
}
