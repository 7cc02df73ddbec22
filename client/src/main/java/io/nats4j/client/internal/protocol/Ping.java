package io.nats4j.client.internal.protocol;

/**
 * The server's {@code PING}: answer it with a {@code PONG}, always, even under load.
 *
 * <p>Thread-safety: immutable.
 */
public record Ping() implements ServerOp {
  /** The only instance the parser emits. */
  public static final Ping INSTANCE = new Ping();
}
