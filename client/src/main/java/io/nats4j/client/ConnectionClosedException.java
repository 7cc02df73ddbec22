package io.nats4j.client;

/**
 * The operation needs an open connection, and this one is closed (by {@code close()}, by running
 * out of reconnect attempts, or by a fatal server error). Create a new connection to go on.
 *
 * <p>Thread-safety: immutable.
 */
public class ConnectionClosedException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public ConnectionClosedException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public ConnectionClosedException(String message, Throwable cause) {
    super(message, cause);
  }
}
