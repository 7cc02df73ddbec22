package io.nats4j.client.internal.connection;

import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.NatsException;

/**
 * The exception an operation on a closed connection throws: it names the close reason and carries
 * it as its cause, so a caller who only sees "closed" can still learn why (an expired JWT, a server
 * that stayed away).
 *
 * <p>Stateless and thread-safe.
 */
final class ClosedConnections {
  private ClosedConnections() {}

  /**
   * Makes the exception.
   *
   * @param reason why the connection closed, or null when the application closed it
   * @return a new exception with this thread's stack
   */
  static ConnectionClosedException exception(NatsException reason) {
    return reason == null
        ? new ConnectionClosedException("the connection is closed")
        : new ConnectionClosedException("the connection is closed: " + reason.getMessage(), reason);
  }
}
