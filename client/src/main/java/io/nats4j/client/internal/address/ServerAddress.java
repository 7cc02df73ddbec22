package io.nats4j.client.internal.address;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One server URL, parsed: {@code nats://}, {@code tls://}, {@code ws://}, {@code wss://}, or a bare
 * {@code host[:port]}, with optional credentials ({@code user:pass@} or {@code token@}) and, for
 * the WebSocket schemes, an HTTP path and query.
 *
 * <p>Default ports: 4222 for {@code nats}/{@code tls}, 80 for {@code ws} and 443 for {@code wss}
 * (as HTTP and nats.go have them).
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the credentials.
 *
 * @param scheme {@code nats}, {@code tls}, {@code ws} or {@code wss}
 * @param host host name or address (IPv6 without brackets)
 * @param port the port, the scheme's default when absent
 * @param user the user from the URL, or null
 * @param password the password from the URL, or null
 * @param token the token from the URL ({@code token@host}), or null
 * @param path the raw HTTP path and query of a WebSocket URL ({@code "/nats?x=1"}), empty if none
 *     and always empty for {@code nats}/{@code tls}
 */
public record ServerAddress(
    String scheme, String host, int port, String user, String password, String token, String path) {

  /** The default client port. */
  public static final int DEFAULT_PORT = 4222;

  /** The default port of {@code ws://}, HTTP's. */
  public static final int DEFAULT_WS_PORT = 80;

  /** The default port of {@code wss://}, HTTPS's. */
  public static final int DEFAULT_WSS_PORT = 443;

  /** Validates the parts. */
  public ServerAddress {
    path = path == null ? "" : path;
    if (!path.isEmpty() && !isWebSocket(scheme)) {
      throw new IllegalArgumentException("only ws:// and wss:// URLs may carry a path");
    }
  }

  /**
   * An address without a path.
   *
   * @param scheme the scheme
   * @param host the host
   * @param port the port
   * @param user the user or null
   * @param password the password or null
   * @param token the token or null
   */
  public ServerAddress(
      String scheme, String host, int port, String user, String password, String token) {
    this(scheme, host, port, user, password, token, "");
  }

  /**
   * Parses one URL.
   *
   * @param url the URL
   * @return the address
   * @throws IllegalArgumentException naming the problem (never echoing credentials)
   */
  public static ServerAddress parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("server URL is empty");
    }
    String text = url.trim();
    if (!text.contains("://")) {
      text = "nats://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "server URL is not valid: " + redact(url) + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("nats") && !scheme.equals("tls") && !isWebSocket(scheme)) {
      throw new IllegalArgumentException(
          "server URL scheme must be nats://, tls://, ws:// or wss://, not "
              + scheme
              + "://: "
              + redact(url));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("server URL has no host: " + redact(url));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
    String path = "";
    if (isWebSocket(scheme)) {
      path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path = (path.isEmpty() ? "/" : path) + "?" + uri.getRawQuery();
      }
    }
    String user = null;
    String password = null;
    String token = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      if (colon < 0) {
        token = decode(userInfo);
      } else {
        user = decode(userInfo.substring(0, colon));
        password = decode(userInfo.substring(colon + 1));
      }
    }
    return new ServerAddress(scheme, host, port, user, password, token, path);
  }

  private static int defaultPort(String scheme) {
    return switch (scheme) {
      case "ws" -> DEFAULT_WS_PORT;
      case "wss" -> DEFAULT_WSS_PORT;
      default -> DEFAULT_PORT;
    };
  }

  private static boolean isWebSocket(String scheme) {
    return scheme.equals("ws") || scheme.equals("wss");
  }

  /**
   * Parses a comma-separated list of URLs.
   *
   * @param urls e.g. {@code "nats://a:4222,nats://b:4222"}
   * @return the addresses, in order
   * @throws IllegalArgumentException if the list is empty or any URL is invalid
   */
  public static List<ServerAddress> parseList(String urls) {
    List<ServerAddress> result = new ArrayList<>();
    for (String part : urls.split(",")) {
      if (!part.isBlank()) {
        result.add(parse(part));
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("no server URL given");
    }
    return result;
  }

  /**
   * Tells whether the URL asks for TLS.
   *
   * @return true for {@code tls://} and {@code wss://}
   */
  public boolean tlsRequired() {
    return scheme.equals("tls") || scheme.equals("wss");
  }

  /**
   * Tells whether NATS runs inside WebSocket frames to this server.
   *
   * @return true for {@code ws://} and {@code wss://}
   */
  public boolean webSocket() {
    return isWebSocket(scheme);
  }

  /**
   * Returns this address with another host (a resolved address, a TLS name), all else kept.
   *
   * @param newHost the host
   * @return the address
   */
  public ServerAddress withHost(String newHost) {
    return new ServerAddress(scheme, newHost, port, user, password, token, path);
  }

  /**
   * Tells whether the URL carries credentials.
   *
   * @return true if a user, password or token was in the URL
   */
  public boolean hasCredentials() {
    return user != null || token != null;
  }

  /**
   * Returns the URL without credentials, for logs and events.
   *
   * @return e.g. {@code nats://127.0.0.1:4222}, {@code ws://127.0.0.1:8080/nats}
   */
  public String redacted() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + port + pathWithoutQuery();
  }

  private String pathWithoutQuery() {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q); // a query may carry a token: never logged
  }

  /** Never shows credentials. */
  @Override
  public String toString() {
    return redacted();
  }

  /**
   * Removes the user-info part of a URL string that may not even parse, for error messages.
   *
   * @param url any text
   * @return the text with everything between {@code //} and {@code @} replaced
   */
  public static String redact(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int start = url.indexOf("//");
    start = start < 0 || start > at ? 0 : start + 2;
    return url.substring(0, start) + "<redacted>" + url.substring(at);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
