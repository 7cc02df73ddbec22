package io.nats4j.client;

/**
 * A publish could not be buffered: the outbound buffer (or, while reconnecting, the reconnect
 * buffer) is full because the network or server cannot keep up. Nothing of that message was
 * written; the connection stays usable. Slow down, or raise {@link
 * Options.Builder#maxOutboundBytes(int)} / {@link Options.Builder#publishBlockTimeout}.
 *
 * <p>Thread-safety: immutable.
 */
public class BufferFullException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public BufferFullException(String message) {
    super(message);
  }
}
