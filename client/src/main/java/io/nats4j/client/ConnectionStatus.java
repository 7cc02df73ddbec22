package io.nats4j.client;

/**
 * Where a {@link Connection} is in its life.
 *
 * <p>Thread-safety: an immutable enum.
 *
 * <pre>
 * CONNECTING → CONNECTED → RECONNECTING → (CONNECTED | CLOSED)
 *                  ↓
 *              DRAINING → CLOSED
 * </pre>
 */
public enum ConnectionStatus {
  /** The first connection attempt is in progress. */
  CONNECTING,
  /** Connected to a server; operations go straight to the wire. */
  CONNECTED,
  /** The connection to the server was lost and a new one is being made. */
  RECONNECTING,
  /** {@link Connection#drain(java.time.Duration)} is in progress; no new subscriptions. */
  DRAINING,
  /** Closed for good, by the user or by a fatal error. */
  CLOSED
}
