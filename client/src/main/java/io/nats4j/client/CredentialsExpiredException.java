package io.nats4j.client;

import java.time.Instant;

/**
 * The user JWT of the credentials has expired ({@code exp} has passed), so the server would refuse
 * it. Thrown by {@link Nats#connect} before anything is dialed, and the close reason of a
 * connection whose fixed credentials expired (it is not retried: only new credentials help). With a
 * {@link Options.Builder#credentialsSupplier credentials supplier} the connection keeps asking the
 * supplier instead. The message names where the JWT came from (the creds file) and when it expired,
 * never the JWT itself.
 *
 * <p>Thread-safety: immutable.
 */
public class CredentialsExpiredException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** When the JWT expired. */
  private final Instant expiredAt;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param expiredAt the JWT's {@code exp}
   */
  public CredentialsExpiredException(String message, Instant expiredAt) {
    super(message);
    this.expiredAt = expiredAt;
  }

  /**
   * Returns when the user JWT expired.
   *
   * @return the JWT's {@code exp}
   */
  public Instant expiredAt() {
    return expiredAt;
  }
}
