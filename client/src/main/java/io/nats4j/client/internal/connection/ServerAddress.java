package io.nats4j.client.internal.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One server URL, parsed: {@code nats://}, {@code tls://}, or a bare {@code host[:port]}, with
 * optional credentials ({@code user:pass@} or {@code token@}).
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the credentials.
 *
 * @param scheme {@code nats} or {@code tls}
 * @param host host name or address (IPv6 without brackets)
 * @param port the port, 4222 when absent
 * @param user the user from the URL, or null
 * @param password the password from the URL, or null
 * @param token the token from the URL ({@code token@host}), or null
 */
public record ServerAddress(
    String scheme, String host, int port, String user, String password, String token) {

  /** The default client port. */
  public static final int DEFAULT_PORT = 4222;

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
    if (!scheme.equals("nats") && !scheme.equals("tls")) {
      throw new IllegalArgumentException(
          "server URL scheme must be nats:// or tls://, not " + scheme + "://: " + redact(url));
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("server URL has no host: " + redact(url));
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
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
    return new ServerAddress(scheme, host, port, user, password, token);
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
   * @return true for {@code tls://}
   */
  public boolean tlsRequired() {
    return scheme.equals("tls");
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
   * @return e.g. {@code nats://127.0.0.1:4222}
   */
  public String redacted() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + port;
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
