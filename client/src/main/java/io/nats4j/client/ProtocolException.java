package io.nats4j.client;

/**
 * The peer sent bytes that are not valid NATS protocol (an over-long control line, a bad op, a
 * declared size out of bounds). Only the connection that read them is affected: it is closed or
 * reconnected, never left half-parsed.
 *
 * <p>Thread-safety: immutable.
 */
public class ProtocolException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ProtocolException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
