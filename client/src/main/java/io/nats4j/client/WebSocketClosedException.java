package io.nats4j.client;

/**
 * The server closed the WebSocket ({@code ws://}, {@code wss://}) with a close frame: the cause of
 * the {@link ConnectionEvent.Disconnected} event that follows, carrying the close code and reason
 * the server gave (RFC 6455 section 7.4; e.g. 1001 going away when the server shuts down, 1008
 * policy violation for an authentication failure). The client answers the close frame and
 * reconnects as for any lost connection.
 *
 * <p>Thread-safety: immutable.
 */
public class WebSocketClosedException extends NatsException {
  private static final long serialVersionUID = 1L;

  /** The code of a close frame without a status (RFC 6455: 1005, never sent on the wire). */
  public static final int NO_STATUS = 1005;

  /** The close code the server sent. */
  private final int closeCode;

  /** The close reason the server sent, empty if none. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param closeCode the close code, or {@link #NO_STATUS} when the frame had none
   * @param reason the close reason, empty if none
   */
  public WebSocketClosedException(int closeCode, String reason) {
    super(
        "the server closed the WebSocket with code "
            + closeCode
            + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")"));
    this.closeCode = closeCode;
    this.reason = reason == null ? "" : reason;
  }

  /**
   * Returns the close code.
   *
   * @return e.g. 1000 normal, 1001 going away, 1008 policy violation; {@link #NO_STATUS} if none
   */
  public int closeCode() {
    return closeCode;
  }

  /**
   * Returns the close reason text.
   *
   * @return the reason, empty if the server gave none
   */
  public String reason() {
    return reason;
  }
}
