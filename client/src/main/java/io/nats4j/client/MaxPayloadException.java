package io.nats4j.client;

/**
 * A message is larger than the server accepts: its payload plus its encoded headers exceed the
 * {@code max_payload} the server announced in INFO. Nothing was written and the connection stays
 * usable.
 *
 * <p>Thread-safety: immutable.
 */
public class MaxPayloadException extends NatsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened and what to do
   */
  public MaxPayloadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what happened and what to do
   * @param cause what went wrong underneath, may be null
   */
  public MaxPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
