package io.nats4j.client;

/**
 * Receives messages of an asynchronous subscription on a {@link Dispatcher}'s thread.
 *
 * <p>Thread-safety: called by one dispatcher thread at a time, in the order the messages arrived. A
 * slow handler delays every subscription of the same dispatcher (create more dispatchers to run
 * handlers in parallel). A handler may block and may call any method of the connection, including
 * {@link Connection#request}; an exception it throws is logged and the next message is delivered.
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles one message.
   *
   * @param message the message, never null
   * @throws Exception anything; it is logged and does not stop the dispatcher
   */
  void onMessage(Message message) throws Exception;
}
