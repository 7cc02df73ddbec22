package io.nats4j.client.internal.protocol;

/**
 * The server's {@code +OK}, sent only to clients that asked for {@code verbose} mode.
 *
 * <p>Thread-safety: immutable.
 */
public record Ok() implements ServerOp {
  /** The only instance the parser emits. */
  public static final Ok INSTANCE = new Ok();
}
