package io.nats4j.nkeys.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON for JWT claims: parses to {@code Map<String,Object>} (insertion-ordered), {@code
 * List<Object>}, {@code String}, {@code Long} (integers), {@code Double}, {@code Boolean} and
 * {@code null}; writes the same types back.
 *
 * <p>Stateless and thread-safe. The writer escapes like Go's {@code encoding/json} ({@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 as six-character unicode escapes) so that claims hashed
 * here (the JWT {@code jti}) hash the same as in the Go jwt library. Parse errors give an offset,
 * never the input.
 */
public final class Json {
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int position;

  private Json(String text) {
    this.text = text;
  }

  /** Parses a JSON object. */
  public static Map<String, Object> parseObject(String text) {
    Json json = new Json(text);
    json.skipBlanks();
    if (json.peek() != '{') {
      throw json.error("expected a JSON object");
    }
    Object value = json.value(0);
    json.skipBlanks();
    if (json.position != text.length()) {
      throw json.error("unexpected content after the JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  /** Writes {@code value} (a map, list, string, number, boolean or null) as compact JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("JSON nested too deeply");
    }
    skipBlanks();
    char c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return string();
      case 't':
        literal("true");
        return Boolean.TRUE;
      case 'f':
        literal("false");
        return Boolean.FALSE;
      case 'n':
        literal("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  private Map<String, Object> object(int depth) {
    position++;
    Map<String, Object> map = new LinkedHashMap<>();
    skipBlanks();
    if (peek() == '}') {
      position++;
      return Collections.unmodifiableMap(map);
    }
    while (true) {
      skipBlanks();
      if (peek() != '"') {
        throw error("expected a string key");
      }
      String key = string();
      skipBlanks();
      expect(':');
      map.put(key, value(depth + 1));
      skipBlanks();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(map);
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    position++;
    List<Object> list = new ArrayList<>();
    skipBlanks();
    if (peek() == ']') {
      position++;
      return Collections.unmodifiableList(list);
    }
    while (true) {
      list.add(value(depth + 1));
      skipBlanks();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(list);
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    position++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escape = next();
      switch (escape) {
        case '"', '\\', '/' -> out.append(escape);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad \\u escape");
          }
          position += 4;
        }
        default -> throw error("bad escape");
      }
    }
  }

  private Object number() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    boolean integral = true;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c >= '0' && c <= '9') {
        position++;
      } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
        integral = false;
        position++;
      } else {
        break;
      }
    }
    String digits = text.substring(start, position);
    try {
      if (integral) {
        return Long.parseLong(digits);
      }
      return Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      position = start;
      throw error("bad number");
    }
  }

  private void literal(String word) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected character");
    }
    position += word.length();
  }

  private void expect(char c) {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end of JSON");
    }
    return text.charAt(position);
  }

  private char next() {
    char c = peek();
    position++;
    return c;
  }

  private void skipBlanks() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON: " + problem + " at offset " + position);
  }
}
