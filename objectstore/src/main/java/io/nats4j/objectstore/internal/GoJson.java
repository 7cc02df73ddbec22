package io.nats4j.objectstore.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Go's {@code encoding/json} does, so the meta nats4j stores is byte for byte
 * what nats.go would store: fields in struct order (the caller's order), map keys sorted by their
 * UTF-8 bytes, no spaces, and Go's string escaping ({@code <}, {@code >}, {@code &}, U+2028 and
 * U+2029 as backslash-u escapes with lower-case hex; control characters as the short backslash
 * escapes or backslash-u escapes).
 *
 * <p>Not thread-safe: one writer per document.
 */
public final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final StringBuilder out = new StringBuilder(256);
  private boolean needComma;

  /** Opens an object. */
  public GoJson begin() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  /** Closes an object. */
  public GoJson end() {
    out.append('}');
    needComma = true;
    return this;
  }

  /** Writes a field name; the value follows. */
  public GoJson field(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  /** Writes a string field. */
  public GoJson field(String name, String value) {
    field(name);
    comma();
    string(value);
    needComma = true;
    return this;
  }

  /** Writes a number field. */
  public GoJson field(String name, long value) {
    field(name);
    out.append(value);
    needComma = true;
    return this;
  }

  /** Writes a boolean field. */
  public GoJson field(String name, boolean value) {
    field(name);
    out.append(value);
    needComma = true;
    return this;
  }

  /** Writes a {@code map[string]string} field, keys sorted as Go sorts them. */
  public GoJson field(String name, Map<String, String> map) {
    field(name);
    out.append('{');
    needComma = false;
    for (String key : sorted(map.keySet())) {
      field(key, map.get(key));
    }
    out.append('}');
    needComma = true;
    return this;
  }

  /** Writes a {@code map[string][]string} field (nats.Header), keys sorted as Go sorts them. */
  public GoJson multiField(String name, Map<String, List<String>> map) {
    field(name);
    out.append('{');
    needComma = false;
    for (String key : sorted(map.keySet())) {
      field(key);
      out.append('[');
      boolean first = true;
      for (String v : map.get(key)) {
        if (!first) {
          out.append(',');
        }
        string(v);
        first = false;
      }
      out.append(']');
      needComma = true;
    }
    out.append('}');
    needComma = true;
    return this;
  }

  /** Returns the document as UTF-8. */
  public byte[] toBytes() {
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private static List<String> sorted(Collection<String> keys) {
    List<String> list = new ArrayList<>(keys);
    // Code point order is UTF-8 byte order, which is how Go sorts map keys.
    list.sort(
        (a, b) -> {
          int i = 0;
          int j = 0;
          while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
              return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
          }
          return Integer.compare(a.length() - i, b.length() - j);
        });
    return list;
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
