package io.nats4j.client;

/**
 * The server refused the credentials: {@code Authorization Violation}, {@code User Authentication
 * Expired}, {@code Authentication Timeout} or a refused TLS client certificate. The message carries
 * the server's own words and never the secret that was offered.
 *
 * <p>Thread-safety: immutable.
 */
public class AuthenticationException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public AuthenticationException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
