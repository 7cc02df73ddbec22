package io.nats4j.client;

/**
 * Receives the lifecycle events of a connection.
 *
 * <p>Thread-safety: called on the connection's event thread (or the callback executor from {@link
 * Options.Builder#callbackExecutor}), one event at a time, in the order the events happened, never
 * on the thread that reads the socket. A listener may call the connection (including {@link
 * Connection#close()}) but should not block for long: it delays later events and error reports.
 */
@FunctionalInterface
public interface ConnectionListener {

  /**
   * Handles one event.
   *
   * @param event what happened
   */
  void onEvent(ConnectionEvent event);
}
