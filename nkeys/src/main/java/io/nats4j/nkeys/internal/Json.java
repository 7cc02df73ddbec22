package io.nats4j.nkeys.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one small JSON reader and writer of nats4j, for JWT claims here and for {@code INFO} and
 * {@code CONNECT} in the client (exported to it alone): neither module has a JSON library.
 *
 * <p>Values map to unmodifiable {@code Map<String,Object>} (insertion order kept) and {@code
 * List<Object>}, {@code String}, {@code Long} (integers that fit), {@code Double} (all other
 * numbers), {@code Boolean} and {@code null}; the writer takes the same types back. Parse errors
 * name an offset, never the input.
 *
 * <p>Thread-safety: stateless static methods; a reader instance lives for one parse call.
 *
 * <p>The writer escapes like Go's {@code encoding/json} ({@code <}, {@code >}, {@code &}, U+2028
 * and U+2029 as six-character unicode escapes) so that claims hashed here (the JWT {@code jti})
 * hash the same as in the Go jwt library, and a {@code CONNECT} reads as nats.go's would.
 */
public final class Json {
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value that must span the whole text (surrounding whitespace allowed).
   *
   * @param text the JSON text
   * @return the value
   * @throws IllegalArgumentException naming the offset when the text is not valid JSON
   */
  public static Object parse(String text) {
    Json reader = new Json(text);
    reader.skipWhitespace();
    Object value = reader.readValue(0);
    reader.finish();
    return value;
  }

  /**
   * Parses a JSON object.
   *
   * @param text the JSON text
   * @return the object's members in order, unmodifiable
   * @throws IllegalArgumentException naming the offset when the text is not a valid JSON object
   */
  public static Map<String, Object> parseObject(String text) {
    Json reader = new Json(text);
    reader.skipWhitespace();
    if (reader.peek() != '{') {
      throw reader.error("expected a JSON object");
    }
    Map<String, Object> value = reader.readObject(0);
    reader.finish();
    return value;
  }

  /**
   * Writes {@code value} (a map, iterable, string, number, boolean or null) as compact JSON.
   *
   * @throws IllegalArgumentException for any other type
   */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  /**
   * Appends {@code value} as a quoted JSON string, escaped as Go does (see the class comment).
   *
   * @param out where to append
   * @param value the string, never null
   */
  public static void appendString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
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

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendString(out, String.valueOf(entry.getKey()));
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

  private void finish() {
    skipWhitespace();
    if (pos != text.length()) {
      throw error("unexpected text after the JSON value");
    }
  }

  private Object readValue(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> readObject(depth);
      case '[' -> readArray(depth);
      case '"' -> readString();
      case 't' -> readLiteral("true", Boolean.TRUE);
      case 'f' -> readLiteral("false", Boolean.FALSE);
      case 'n' -> readLiteral("null", null);
      default -> {
        if (c == '-' || isDigit(c)) {
          yield readNumber();
        }
        throw error("unexpected character '" + c + "'");
      }
    };
  }

  private Map<String, Object> readObject(int depth) {
    pos++; // '{'
    Map<String, Object> members = new LinkedHashMap<>();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String name = readString();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      members.put(name, readValue(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return Collections.unmodifiableMap(members);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> readArray(int depth) {
    pos++; // '['
    List<Object> items = new ArrayList<>();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return Collections.unmodifiableList(items);
    }
    while (true) {
      skipWhitespace();
      items.add(readValue(depth + 1));
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return Collections.unmodifiableList(items);
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String readString() {
    pos++; // opening quote
    int start = pos;
    // Fast path: no escapes.
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        return text.substring(start, pos++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      pos++;
    }
    StringBuilder sb = new StringBuilder(text.substring(start, pos));
    while (true) {
      char c = next();
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("unescaped control character in a string");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> sb.append(readHex4());
        default -> {
          pos--;
          throw error("invalid escape '\\" + e + "'");
        }
      }
    }
  }

  private char readHex4() {
    if (pos + 4 > text.length()) {
      throw error("truncated \\u escape");
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
      int d = Character.digit(text.charAt(pos + i), 16);
      if (d < 0) {
        throw error("invalid \\u escape");
      }
      v = (v << 4) | d;
    }
    pos += 4;
    return (char) v;
  }

  private Object readNumber() {
    int start = pos;
    boolean integral = true;
    if (peek() == '-') {
      pos++;
    }
    int digitsStart = pos;
    skipDigits("expected a digit");
    if (text.charAt(digitsStart) == '0' && pos - digitsStart > 1) {
      throw error("leading zero in a number");
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      integral = false;
      pos++;
      skipDigits("expected a digit after '.'");
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      integral = false;
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      skipDigits("expected a digit in the exponent");
    }
    String number = text.substring(start, pos);
    if (integral) {
      try {
        return Long.parseLong(number);
      } catch (NumberFormatException tooLarge) {
        // an integer beyond the range of a long is read as a double
      }
    }
    return Double.parseDouble(number);
  }

  private void skipDigits(String problemIfNone) {
    int digitsStart = pos;
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == digitsStart) {
      throw error(problemIfNone);
    }
  }

  private Object readLiteral(String literal, Object value) {
    if (!text.startsWith(literal, pos)) {
      throw error("expected '" + literal + "'");
    }
    pos += literal.length();
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON: " + problem + " at offset " + pos);
  }
}
