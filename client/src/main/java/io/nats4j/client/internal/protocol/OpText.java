package io.nats4j.client.internal.protocol;

import io.nats4j.client.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers for reading control lines: op names (case-insensitive), blanks, text
 * arguments, and the printable form of bytes for error messages.
 *
 * <p>Thread-safety: stateless.
 */
final class OpText {
  private OpText() {}

  /** The op name followed by at least one blank. */
  static boolean opWithArgs(byte[] line, int ls, int le, String op) {
    int n = op.length();
    return le - ls > n && isBlank(line[ls + n]) && opIs(line, ls, le, op);
  }

  /** The op name followed only by blanks. */
  static boolean opAlone(byte[] line, int ls, int le, String op) {
    int n = op.length();
    return le - ls >= n && opIs(line, ls, le, op) && skipBlanks(line, ls + n, le) == le;
  }

  /** The line starts with {@code upperOp}, in any case. */
  static boolean opIs(byte[] line, int ls, int le, String upperOp) {
    int n = upperOp.length();
    if (le - ls < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      int b = line[ls + i];
      int c = upperOp.charAt(i);
      if (b != c && !(c >= 'A' && c <= 'Z' && b == c + ('a' - 'A'))) {
        return false;
      }
    }
    return true;
  }

  static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }

  static int skipBlanks(byte[] b, int i, int e) {
    while (i < e && isBlank(b[i])) {
      i++;
    }
    return i;
  }

  /**
   * Decodes a subject or reply as UTF-8 (the JDK's decoder checks for ASCII with an intrinsic and
   * then only copies: a loop of our own in front of it was a second pass over every reply subject).
   */
  static String decode(byte[] b, int s, int e) {
    return new String(b, s, e - s, StandardCharsets.UTF_8);
  }

  /** The text of {@code -ERR}: trimmed, without the single quotes the server puts around it. */
  static String errText(byte[] line, int from, int le) {
    int s = skipBlanks(line, from, le);
    int e = le;
    while (e > s && isBlank(line[e - 1])) {
      e--;
    }
    if (e - s >= 2 && line[s] == '\'' && line[e - 1] == '\'') {
      s++;
      e--;
    }
    return new String(line, s, e - s, StandardCharsets.UTF_8);
  }

  static ProtocolException unknownOp(byte[] line, int ls, int le) {
    return new ProtocolException(
        "protocol error: unknown op in control line: "
            + printable(line, ls, Math.min(le, ls + 64)));
  }

  /** The bytes as text with control characters escaped, for error messages. */
  static String printable(byte[] b, int s, int e) {
    return "\"" + Subjects.escape(new String(b, s, e - s, StandardCharsets.ISO_8859_1)) + "\"";
  }
}
