package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import java.util.Locale;

/**
 * Classifies the text of a server {@code -ERR}.
 *
 * <p>Thread-safety: stateless.
 */
final class ServerErrors {
  private static final String PUBLISH = "permissions violation for publish to ";
  private static final String SUBSCRIBE = "permissions violation for subscription to ";

  private ServerErrors() {}

  static boolean isAuthentication(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.contains("authorization violation")
        || t.contains("authentication expired")
        || t.contains("authentication timeout")
        || t.contains("authentication revoked")
        || t.contains("user authentication");
  }

  /** Returns the permission error, or null if {@code text} is not one. */
  static AsyncError.PermissionDenied permission(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.startsWith(PUBLISH)) {
      return new AsyncError.PermissionDenied(
          AsyncError.Operation.PUBLISH, quoted(text, PUBLISH.length()), text);
    }
    if (t.startsWith(SUBSCRIBE)) {
      return new AsyncError.PermissionDenied(
          AsyncError.Operation.SUBSCRIBE, quoted(text, SUBSCRIBE.length()), text);
    }
    return null;
  }

  /** For a denied subscription in a queue group: the queue named after {@code using queue}. */
  static String queueOf(String text) {
    int i = text.toLowerCase(Locale.ROOT).indexOf("using queue ");
    return i < 0 ? null : quoted(text, i + "using queue ".length());
  }

  private static String quoted(String text, int from) {
    int start = text.indexOf('"', from);
    if (start < 0) {
      int space = text.indexOf(' ', from);
      return text.substring(from, space < 0 ? text.length() : space);
    }
    int end = text.indexOf('"', start + 1);
    return end < 0 ? text.substring(start + 1) : text.substring(start + 1, end);
  }
}
