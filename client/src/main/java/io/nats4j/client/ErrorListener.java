package io.nats4j.client;

/**
 * Receives errors that happen outside of any call the application made: a slow consumer, a
 * permission the server denied, an {@code -ERR} from the server.
 *
 * <p>Thread-safety: called on the same event thread as {@link ConnectionListener}, one error at a
 * time, in order, never on the thread that reads the socket.
 */
@FunctionalInterface
public interface ErrorListener {

  /**
   * Handles one error.
   *
   * @param error what went wrong
   */
  void onError(AsyncError error);
}
