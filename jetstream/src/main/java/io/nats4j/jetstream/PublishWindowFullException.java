package io.nats4j.jetstream;

/**
 * An async publish found the window of outstanding acks full: with {@link
 * JetStreamOptions.WindowFullPolicy#FAIL} at once, with {@code BLOCK} after waiting the publish-ack
 * timeout. Nothing was sent; wait for acks ({@link JetStream#waitForOutstandingAcks}) and publish
 * again.
 *
 * <p>Thread-safety: immutable.
 */
public class PublishWindowFullException extends JetStreamException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public PublishWindowFullException(String message) {
    super(message);
  }
}
