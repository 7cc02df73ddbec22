package io.nats4j.client.internal.protocol;

import java.util.Objects;

/**
 * The server's {@code -ERR 'text'}: a protocol, permission or authentication error.
 *
 * <p>Thread-safety: immutable.
 *
 * @param message the server's text without the surrounding single quotes, e.g. {@code Permissions
 *     Violation for Subscription to "foo"}
 */
public record Err(String message) implements ServerOp {
  /**
   * Creates the op.
   *
   * @param message the server's text without quotes, never null
   */
  public Err {
    Objects.requireNonNull(message, "message");
  }
}
