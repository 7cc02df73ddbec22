package io.nats4j.client.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Validates subjects and queue groups before anything is written, so no caller input can inject
 * protocol (a space, CR or LF in a subject would end the op early).
 *
 * <p>Rules, as the server applies them: a subject is one or more non-empty tokens separated by
 * {@code .}; no token contains whitespace or control characters (space, TAB, CR, LF, NUL, ...). A
 * token that is exactly {@code *} matches one token and a token that is exactly {@code >} matches
 * the rest; both are allowed only when subscribing, and {@code >} only as the last token. A {@code
 * *} or {@code >} inside a longer token is an ordinary character, as on the server. Non-ASCII
 * characters are allowed and sent as UTF-8.
 *
 * <p>Thread-safety: stateless static methods.
 */
public final class Subjects {
  private static final int MAX_ECHO = 256;

  private Subjects() {}

  /**
   * Checks a subject to publish to (also used for reply subjects) and returns its wire bytes.
   *
   * @param subject the subject
   * @return the UTF-8 bytes of the subject, a new array the caller owns
   * @throws IllegalArgumentException naming the subject and the problem when it is null, empty, has
   *     an empty token, contains whitespace or control characters, or contains a wildcard token
   */
  public static byte[] validatePublishSubject(String subject) {
    boolean ascii = check(subject, "subject", false);
    return subject.getBytes(ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /**
   * Checks a subject to subscribe to; {@code *} and {@code >} are allowed as whole tokens.
   *
   * @param subject the subject or pattern
   * @throws IllegalArgumentException naming the subject and the problem
   */
  public static void validateSubscribeSubject(String subject) {
    check(subject, "subscription subject", true);
  }

  /**
   * Checks a queue group name: not empty, no whitespace or control characters.
   *
   * @param queue the queue group
   * @throws IllegalArgumentException naming the queue group and the problem
   */
  public static void validateQueueGroup(String queue) {
    if (queue == null) {
      throw new IllegalArgumentException("queue group must not be null");
    }
    if (queue.isEmpty()) {
      throw new IllegalArgumentException("queue group must not be empty");
    }
    for (int i = 0, n = queue.length(); i < n; i++) {
      char c = queue.charAt(i);
      if (isForbidden(c)) {
        throw new IllegalArgumentException(
            "queue group \""
                + escape(queue)
                + "\" contains "
                + describe(c)
                + " at index "
                + i
                + "; whitespace and control characters are not allowed");
      }
    }
  }

  /**
   * Returns {@code text} with control characters escaped ({@code \r}, {@code \n}, {@code \t},
   * {@code \0}, {@code \}{@code uXXXX}) and cut to 256 chars, safe to put in a message or a log.
   *
   * @param text any text, may be null
   * @return the printable form
   */
  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    int n = Math.min(text.length(), MAX_ECHO);
    StringBuilder sb = new StringBuilder(n + 8);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> sb.append("\\r");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\0' -> sb.append("\\0");
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (text.length() > MAX_ECHO) {
      sb.append("...(").append(text.length()).append(" chars)");
    }
    return sb.toString();
  }

  /** Returns whether every char was ASCII. One pass; throws on the first problem. */
  private static boolean check(String subject, String what, boolean wildcards) {
    if (subject == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    int n = subject.length();
    if (n == 0) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    boolean ascii = true;
    int tokenStart = 0;
    for (int i = 0; i < n; i++) {
      char c = subject.charAt(i);
      if (c == '.') {
        checkToken(subject, what, wildcards, tokenStart, i);
        tokenStart = i + 1;
      } else if (c >= 0x80) {
        ascii = false;
        if (Character.isSurrogate(c)) {
          checkSurrogatePair(subject, what, i);
          i++;
        }
      } else if (isForbidden(c)) {
        throw new IllegalArgumentException(
            what
                + " \""
                + escape(subject)
                + "\" contains "
                + describe(c)
                + " at index "
                + i
                + "; whitespace and control characters are not allowed");
      }
    }
    checkToken(subject, what, wildcards, tokenStart, n);
    return ascii;
  }

  private static void checkToken(
      String subject, String what, boolean wildcards, int start, int end) {
    if (start == end) {
      throw new IllegalArgumentException(
          what
              + " \""
              + escape(subject)
              + "\" has an empty token (leading, trailing or double '.')");
    }
    if (end - start != 1) {
      return;
    }
    char c = subject.charAt(start);
    if (c != '*' && c != '>') {
      return;
    }
    if (!wildcards) {
      throw new IllegalArgumentException(
          what
              + " \""
              + escape(subject)
              + "\" contains the wildcard '"
              + c
              + "'; wildcards are only allowed when subscribing");
    }
    if (c == '>' && end != subject.length()) {
      throw new IllegalArgumentException(
          what + " \"" + escape(subject) + "\" has '>' before the last token; '>' must be last");
    }
  }

  private static void checkSurrogatePair(String subject, String what, int i) {
    if (Character.isHighSurrogate(subject.charAt(i))
        && i + 1 < subject.length()
        && Character.isLowSurrogate(subject.charAt(i + 1))) {
      return;
    }
    throw new IllegalArgumentException(
        what + " \"" + escape(subject) + "\" contains an unpaired surrogate at index " + i);
  }

  private static boolean isForbidden(char c) {
    return c <= ' ' || c == 0x7f;
  }

  private static String describe(char c) {
    return switch (c) {
      case ' ' -> "a space";
      case '\t' -> "a TAB";
      case '\r' -> "a CR";
      case '\n' -> "an LF";
      case '\0' -> "a NUL";
      default -> String.format("the control character U+%04X", (int) c);
    };
  }
}
