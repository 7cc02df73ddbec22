package io.nats4j.client;

/**
 * The connection to the server was lost while an operation waited for the server, and the options
 * say not to wait for the reconnect ({@link
 * ReconnectOptions.Builder#failPendingRequestsOnDisconnect()}). The connection itself is
 * reconnecting, not closed: the operation may be retried.
 *
 * <p>Thread-safety: immutable.
 */
public class DisconnectedException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   * @param cause why the connection was lost, may be null
   */
  public DisconnectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
