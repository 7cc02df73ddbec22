package io.nats4j.client.internal.routing;

import io.nats4j.client.Message;

/**
 * Receives the many replies of one request-many from the {@link RequestMux}.
 *
 * <p>Thread-safety: both methods are called on the reader thread (or, for {@link #onEnd}, on the
 * thread that fails pending requests); they must only hand off, never block or run user code.
 */
public interface ReplyStream {
  /**
   * A reply came.
   *
   * @param reply the reply
   */
  void onReply(Message reply);

  /**
   * The request ended with a failure (no responders, denied, closed, disconnected); the mux has
   * forgotten it.
   *
   * @param cause the failure
   */
  void onEnd(Throwable cause);
}
