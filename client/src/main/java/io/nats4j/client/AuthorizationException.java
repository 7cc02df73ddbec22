package io.nats4j.client;

/**
 * The server denied a publish or subscribe on a subject ({@code Permissions Violation}). The
 * connection stays usable; {@link #getMessage()} names the operation and the subject.
 *
 * <p>Thread-safety: immutable.
 */
public class AuthorizationException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public AuthorizationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public AuthorizationException(String message, Throwable cause) {
    super(message, cause);
  }
}
