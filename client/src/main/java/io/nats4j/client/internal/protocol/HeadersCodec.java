package io.nats4j.client.internal.protocol;

import io.nats4j.client.Headers;
import io.nats4j.client.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link Headers} into the block that follows {@code HPUB} and decodes the block of a
 * received {@code HMSG}:
 *
 * <pre>
 * NATS/1.0[ code[ description]]\r\n
 * Key: value\r\n
 * ...
 * \r\n
 * </pre>
 *
 * <p>Decoding is tolerant the way the Go client is: the status line may have a code with or without
 * a description, whitespace after {@code :} is dropped, values may contain {@code :}, repeated keys
 * keep every value in order, keys are kept exactly as received.
 *
 * <p>Thread-safety: stateless static methods.
 */
public final class HeadersCodec {
  private static final byte[] VERSION = "NATS/1.0".getBytes(StandardCharsets.US_ASCII);

  private HeadersCodec() {}

  /**
   * Encodes headers (and their status line, if any) for {@code HPUB}.
   *
   * @param headers the headers, never null
   * @return the block from {@code NATS/1.0} through the terminating CRLFCRLF
   */
  public static byte[] encode(Headers headers) {
    byte[] out = new byte[encodedLength(headers)];
    int p = 0;
    System.arraycopy(VERSION, 0, out, 0, VERSION.length);
    p += VERSION.length;
    if (headers.statusCode() != 0) {
      out[p++] = ' ';
      p = put(out, p, Integer.toString(headers.statusCode()));
      if (headers.statusDescription() != null) {
        out[p++] = ' ';
        p = put(out, p, headers.statusDescription());
      }
    }
    out[p++] = '\r';
    out[p++] = '\n';
    for (Map.Entry<String, List<String>> e : HeadersAccess.get().entries(headers).entrySet()) {
      for (String value : e.getValue()) {
        p = put(out, p, e.getKey());
        out[p++] = ':';
        out[p++] = ' ';
        p = put(out, p, value);
        out[p++] = '\r';
        out[p++] = '\n';
      }
    }
    out[p++] = '\r';
    out[p] = '\n';
    return out;
  }

  /**
   * Returns the size {@link #encode} would produce, without encoding: headers count toward {@code
   * max_payload}.
   *
   * @param headers the headers, never null
   * @return the encoded length in bytes
   */
  public static int encodedLength(Headers headers) {
    long n = VERSION.length + 4L; // version line CRLF + terminating CRLF
    if (headers.statusCode() != 0) {
      n += 1 + Integer.toString(headers.statusCode()).length();
      if (headers.statusDescription() != null) {
        n += 1 + utf8Length(headers.statusDescription());
      }
    }
    for (Map.Entry<String, List<String>> e : HeadersAccess.get().entries(headers).entrySet()) {
      int keyLength = e.getKey().length(); // keys are ASCII
      for (String value : e.getValue()) {
        n += keyLength + 4 + utf8Length(value);
      }
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("headers are too large to encode: " + n + " bytes");
    }
    return (int) n;
  }

  /**
   * Decodes the header block of a received message.
   *
   * @param block the bytes from {@code NATS/1.0} through the terminating CRLFCRLF
   * @return read-only headers with the status line's code and description, if any
   * @throws ProtocolException if the block does not start with {@code NATS/1.0}, a line does not
   *     end in CRLF, a line has no {@code :}, or the block does not end with exactly one blank line
   */
  public static Headers decode(byte[] block) {
    int len = block.length;
    if (len < VERSION.length || !startsWithVersion(block)) {
      throw new ProtocolException(
          "message headers do not start with NATS/1.0: \"" + printable(block, 0, len) + "\"");
    }
    int lineEnd = lineEnd(block, VERSION.length);
    if (lineEnd == len) {
      throw new ProtocolException(
          "message headers: the version line does not end in CRLF: \""
              + printable(block, 0, len)
              + "\"");
    }
    int p = VERSION.length;
    int statusCode = 0;
    String description = null;
    if (p < lineEnd) {
      if (block[p] != ' ' && block[p] != '\t') {
        throw new ProtocolException(
            "message headers have a bad version line: \"" + printable(block, 0, lineEnd) + "\"");
      }
      p = skipBlanks(block, p, lineEnd);
      int codeStart = p;
      while (p < lineEnd && block[p] >= '0' && block[p] <= '9' && p - codeStart < 9) {
        statusCode = statusCode * 10 + (block[p++] - '0');
      }
      if (p == codeStart && p < lineEnd) {
        throw new ProtocolException(
            "message headers have a bad status line: \"" + printable(block, 0, lineEnd) + "\"");
      }
      p = skipBlanks(block, p, lineEnd);
      int e = trimEnd(block, p, lineEnd);
      if (e > p) {
        description = text(block, p, e);
      }
    }
    HeadersAccess access = HeadersAccess.get();
    Headers headers = access.newReceived(statusCode, description);
    p = lineEnd + 2;
    while (true) {
      if (p >= len) {
        throw new ProtocolException(
            "message headers do not end with a blank line (CRLF CRLF): \""
                + printable(block, 0, len)
                + "\"");
      }
      lineEnd = lineEnd(block, p);
      if (lineEnd == p) {
        if (p + 2 != len) {
          throw new ProtocolException(
              "message headers: "
                  + (len - p - 2)
                  + " bytes after the blank line that ends the block");
        }
        break;
      }
      if (lineEnd == len) {
        throw new ProtocolException(
            "message header line does not end in CRLF: \"" + printable(block, p, len) + "\"");
      }
      int colon = indexOf(block, (byte) ':', p, lineEnd);
      if (colon <= p) {
        throw new ProtocolException(
            "message header line has no key: \"" + printable(block, p, lineEnd) + "\"");
      }
      int valueStart = skipBlanks(block, colon + 1, lineEnd);
      access.addUnchecked(headers, text(block, p, colon), text(block, valueStart, lineEnd));
      p = lineEnd + 2;
    }
    return access.seal(headers);
  }

  private static boolean startsWithVersion(byte[] block) {
    for (int i = 0; i < VERSION.length; i++) {
      if (block[i] != VERSION[i]) {
        return false;
      }
    }
    return true;
  }

  /** Index of the CR of the next CRLF at or after {@code from}, or the block length if none. */
  private static int lineEnd(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return b.length;
  }

  private static int indexOf(byte[] b, byte c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static int skipBlanks(byte[] b, int i, int e) {
    while (i < e && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int trimEnd(byte[] b, int s, int e) {
    while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
      e--;
    }
    return e;
  }

  private static String text(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] < 0) {
        return new String(b, s, e - s, StandardCharsets.UTF_8);
      }
    }
    return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
  }

  private static int put(byte[] out, int p, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        byte[] utf8 = s.substring(i).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, out, p, utf8.length);
        return p + utf8.length;
      }
      out[p++] = (byte) c;
    }
    return p;
  }

  private static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return i + s.substring(i).getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return bytes;
  }

  private static String printable(byte[] b, int s, int e) {
    return Subjects.escape(new String(b, s, Math.min(e, s + 256) - s, StandardCharsets.ISO_8859_1));
  }
}
