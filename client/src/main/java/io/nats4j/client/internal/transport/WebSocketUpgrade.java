package io.nats4j.client.internal.transport;

import io.nats4j.client.NatsException;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.WebSocketOptions;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 upgrade that opens a WebSocket (RFC 6455 section 4): the GET request with a random
 * {@code Sec-WebSocket-Key}, and the checks on the server's answer (101, {@code Upgrade:
 * websocket}, {@code Connection: Upgrade}, {@code Sec-WebSocket-Accept} derived from the key) and
 * on the extension it agreed to (only permessage-deflate, only if offered, RFC 7692 section 7).
 *
 * <p>The request and response logic is pure (tested without a socket); {@link #readHead} reads the
 * response head, bounded, keeping the bytes that follow it (the server's INFO often comes in the
 * same packet).
 *
 * <p>Thread-safety: stateless.
 */
final class WebSocketUpgrade {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  static final String OFFER =
      "permessage-deflate; client_no_context_takeover; server_no_context_takeover";
  static final int MAX_HEAD_BYTES = 16 * 1024;

  /**
   * What the server agreed to.
   *
   * @param compression permessage-deflate is on
   * @param serverNoContextTakeover the server compresses every message on its own
   */
  record Agreed(boolean compression, boolean serverNoContextTakeover) {}

  /**
   * The response head and what came after it.
   *
   * @param head the status line and headers, without the blank line
   * @param rest bytes after the head (WebSocket frames)
   */
  record Head(String head, byte[] rest) {}

  private WebSocketUpgrade() {}

  static String newKey(SecureRandom random) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  static String acceptFor(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /**
   * The upgrade request.
   *
   * @param address the server (its path and query unless the options set a path)
   * @param options path, headers, compression, cookie name
   * @param key the {@code Sec-WebSocket-Key}
   * @param jwt the user JWT for the cookie-JWT mode, or null
   * @return the request head, ending in the blank line
   */
  static String request(ServerAddress address, WebSocketOptions options, String key, String jwt) {
    String urlPath = address.path();
    int q = urlPath.indexOf('?');
    String query = q < 0 ? "" : urlPath.substring(q);
    String path = q < 0 ? urlPath : urlPath.substring(0, q);
    if (options.path() != null && !options.path().isEmpty()) {
      path = options.path();
    }
    if (path.isEmpty()) {
      path = "/";
    }
    String host = address.host().indexOf(':') >= 0 ? "[" + address.host() + "]" : address.host();
    int defaultPort = address.tlsRequired() ? 443 : 80;
    StringBuilder r = new StringBuilder(256);
    r.append("GET ").append(path).append(query).append(" HTTP/1.1\r\n");
    r.append("Host: ").append(host);
    if (address.port() != defaultPort) {
      r.append(':').append(address.port());
    }
    r.append("\r\n");
    r.append("Upgrade: websocket\r\n");
    r.append("Connection: Upgrade\r\n");
    r.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
    r.append("Sec-WebSocket-Version: 13\r\n");
    if (options.compression()) {
      r.append("Sec-WebSocket-Extensions: ").append(OFFER).append("\r\n");
    }
    for (Map.Entry<String, List<String>> h : options.headers().entrySet()) {
      for (String value : h.getValue()) {
        r.append(h.getKey()).append(": ").append(value).append("\r\n");
      }
    }
    if (jwt != null && options.jwtCookie() != null) {
      r.append("Cookie: ").append(options.jwtCookie()).append('=').append(jwt).append("\r\n");
    }
    r.append("\r\n");
    return r.toString();
  }

  /**
   * Reads the response head: everything up to the blank line, at most {@link #MAX_HEAD_BYTES}.
   *
   * @param in the socket input
   * @return the head and the bytes read past it
   * @throws IOException on EOF or I/O failure
   * @throws ProtocolException if the head is too long
   */
  static Head readHead(InputStream in) throws IOException {
    byte[] buf = new byte[4096];
    int have = 0;
    int scanFrom = 0;
    while (true) {
      int end = headEnd(buf, scanFrom, have);
      if (end >= 0) {
        String head = new String(buf, 0, end - 4, StandardCharsets.ISO_8859_1);
        return new Head(head, Arrays.copyOfRange(buf, end, have));
      }
      scanFrom = Math.max(0, have - 3);
      if (have == buf.length) {
        if (buf.length >= MAX_HEAD_BYTES) {
          throw new ProtocolException(
              "WebSocket upgrade failed: the HTTP response head is longer than "
                  + MAX_HEAD_BYTES
                  + " bytes");
        }
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      int n = in.read(buf, have, buf.length - have);
      if (n < 0) {
        throw new EOFException(
            "the server closed the connection during the WebSocket upgrade: is this a"
                + " websocket listener?");
      }
      have += n;
    }
  }

  private static int headEnd(byte[] buf, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  /**
   * Checks the server's answer.
   *
   * @param head the response head
   * @param key the key sent
   * @param offeredCompression whether permessage-deflate was offered
   * @return what was agreed
   * @throws NatsException if the server refused the upgrade (its status line in the message)
   * @throws ProtocolException if the answer breaks RFC 6455 or RFC 7692
   */
  static Agreed check(String head, String key, boolean offeredCompression) {
    String[] lines = head.split("\r\n");
    String status = lines[0];
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new ProtocolException(
          "WebSocket upgrade failed: the server did not answer with HTTP (is this a websocket"
              + " listener?)");
    }
    if (!parts[1].equals("101")) {
      throw new NatsException(
          "the server refused the WebSocket upgrade: " + printable(status) + "");
    }
    List<String> upgrade = new ArrayList<>();
    List<String> connection = new ArrayList<>();
    List<String> accept = new ArrayList<>();
    List<String> extensions = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = lines[i].substring(colon + 1).trim();
      switch (name) {
        case "upgrade" -> upgrade.add(value);
        case "connection" -> connection.add(value);
        case "sec-websocket-accept" -> accept.add(value);
        case "sec-websocket-extensions" -> extensions.add(value);
        default -> {
          // other headers do not matter to the protocol
        }
      }
    }
    if (!hasToken(upgrade, "websocket")) {
      throw new ProtocolException("WebSocket upgrade failed: no 'Upgrade: websocket' header");
    }
    if (!hasToken(connection, "upgrade")) {
      throw new ProtocolException("WebSocket upgrade failed: no 'Connection: Upgrade' header");
    }
    if (accept.size() != 1 || !accept.get(0).equals(acceptFor(key))) {
      throw new ProtocolException(
          "WebSocket upgrade failed: Sec-WebSocket-Accept does not match the key sent");
    }
    return extensions(extensions, offeredCompression);
  }

  private static Agreed extensions(List<String> headers, boolean offered) {
    boolean compression = false;
    boolean serverNoContext = false;
    for (String header : headers) {
      for (String extension : header.split(",")) {
        String[] params = extension.split(";");
        String name = params[0].trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        if (!name.equals("permessage-deflate")) {
          throw new ProtocolException(
              "WebSocket upgrade failed: the server agreed to extension '"
                  + printable(name)
                  + "', which was not offered");
        }
        if (!offered || compression) {
          throw new ProtocolException(
              "WebSocket upgrade failed: the server agreed to permessage-deflate "
                  + (offered ? "twice" : "although it was not offered"));
        }
        compression = true;
        for (int i = 1; i < params.length; i++) {
          String p = params[i].trim().toLowerCase(Locale.ROOT);
          int eq = p.indexOf('=');
          String pName = eq < 0 ? p : p.substring(0, eq).trim();
          switch (pName) {
            case "server_no_context_takeover" -> serverNoContext = true;
            case "client_no_context_takeover", "server_max_window_bits" -> {
              // we never take context over; java.util.zip inflates any window up to 2^15
            }
            default ->
                throw new ProtocolException(
                    "WebSocket upgrade failed: permessage-deflate parameter '"
                        + printable(pName)
                        + "' was not offered");
          }
        }
      }
    }
    return new Agreed(compression, serverNoContext);
  }

  private static boolean hasToken(List<String> values, String token) {
    for (String v : values) {
      for (String t : v.split(",")) {
        if (t.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String printable(String s) {
    String cut = s.length() > 100 ? s.substring(0, 100) + "..." : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }
}
