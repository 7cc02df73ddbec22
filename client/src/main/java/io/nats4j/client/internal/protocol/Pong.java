package io.nats4j.client.internal.protocol;

/**
 * The server's {@code PONG}: the answer to the oldest outstanding client {@code PING}.
 *
 * <p>Thread-safety: immutable.
 */
public record Pong() implements ServerOp {
  /** The only instance the parser emits. */
  public static final Pong INSTANCE = new Pong();
}
