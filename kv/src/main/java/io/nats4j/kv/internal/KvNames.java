package io.nats4j.kv.internal;

/**
 * Validation of bucket names, keys and key filters, as nats.go and nats.js do it (ADR-8): buckets
 * {@code [a-zA-Z0-9_-]+}; keys {@code [-/_=.a-zA-Z0-9]+} without a leading or trailing {@code .} or
 * an empty token; filters may also hold {@code *} tokens and end in {@code >}.
 */
public final class KvNames {
  /** The stream name prefix of every bucket. */
  public static final String STREAM_PREFIX = "KV_";

  private KvNames() {}

  /**
   * Checks a bucket name.
   *
   * @return the name
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String requireBucket(String bucket) {
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("bucket name is required");
    }
    for (int i = 0; i < bucket.length(); i++) {
      char c = bucket.charAt(i);
      if (!(isAlnum(c) || c == '_' || c == '-')) {
        throw new IllegalArgumentException(
            "bucket name '"
                + printable(bucket)
                + "' contains "
                + describe(c)
                + "; bucket names may only hold letters, digits, '_' and '-'");
      }
    }
    return bucket;
  }

  /**
   * Checks a key used to read or write one entry.
   *
   * @return the key
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String requireKey(String key) {
    checkShape("key", key);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!isKeyChar(c)) {
        throw new IllegalArgumentException(
            "key '"
                + printable(key)
                + "' contains "
                + describe(c)
                + "; keys may only hold letters, digits and '-', '/', '_', '=', '.'"
                + (c == '*' || c == '>' ? " (wildcards only in watch and keys filters)" : ""));
      }
    }
    return key;
  }

  /**
   * Checks a key filter for watch, keys and history: a key whose tokens may be {@code *} and whose
   * last token may be {@code >}.
   *
   * @return the filter
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String requireFilter(String filter) {
    checkShape("key filter", filter);
    String[] tokens = filter.split("\\.", -1);
    for (int t = 0; t < tokens.length; t++) {
      String token = tokens[t];
      if (token.equals("*") || (token.equals(">") && t == tokens.length - 1)) {
        continue;
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (!isKeyChar(c)) {
          throw new IllegalArgumentException(
              "key filter '"
                  + printable(filter)
                  + "' contains "
                  + describe(c)
                  + (c == '*' || c == '>'
                      ? " inside a token; '*' must be a whole token and '>' the whole last token"
                      : "; filters may only hold letters, digits, '-', '/', '_', '=', '.', '*'"
                          + " and '>'"));
        }
      }
    }
    return filter;
  }

  private static void checkShape(String what, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (key.charAt(0) == '.' || key.charAt(key.length() - 1) == '.') {
      throw new IllegalArgumentException(
          what + " '" + printable(key) + "' may not start or end with '.'");
    }
    if (key.contains("..")) {
      throw new IllegalArgumentException(
          what + " '" + printable(key) + "' has an empty token ('..')");
    }
  }

  private static boolean isKeyChar(char c) {
    return isAlnum(c) || c == '-' || c == '/' || c == '_' || c == '=' || c == '.';
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String describe(char c) {
    if (c <= ' ' || c == 0x7f) {
      return "whitespace or a control character";
    }
    return "'" + c + "'";
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 80));
    for (int i = 0; i < s.length() && i < 80; i++) {
      char c = s.charAt(i);
      b.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return s.length() > 80 ? b.append("...").toString() : b.toString();
  }
}
