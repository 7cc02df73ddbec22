package io.nats4j.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a connection talks to {@code ws://} and {@code wss://} servers (the server's {@code websocket
 * {}} listener): the HTTP path of the upgrade request, extra upgrade headers (a cookie, a proxy's
 * authorization), whether to offer per-message compression, and the cookie-JWT mode. They apply
 * only when the server URLs are WebSocket ones; TLS for {@code wss://} comes from {@link
 * Options.Builder#tls(TlsOptions)} like for {@code tls://}.
 *
 * <p>Thread-safety: immutable and safe to share between connections. The {@link Builder} is not
 * thread-safe.
 *
 * <pre>{@code
 * Options options = Options.builder()
 *     .server("wss://nats.example.com/nats")
 *     .webSocket(WebSocketOptions.builder()
 *         .header("Proxy-Authorization", "Bearer " + proxyToken)
 *         .compression(false)
 *         .build())
 *     .build();
 * }</pre>
 */
public final class WebSocketOptions {
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "upgrade",
          "connection",
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions",
          "sec-websocket-accept",
          "content-length",
          "transfer-encoding");

  private static final WebSocketOptions DEFAULTS = builder().build();

  private final String path;
  private final Map<String, List<String>> headers;
  private final boolean compression;
  private final boolean compressOutbound;
  private final String jwtCookie;

  private WebSocketOptions(Builder b) {
    this.path = b.path;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    b.headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.headers = Collections.unmodifiableMap(copy);
    this.compression = b.compression;
    this.compressOutbound = b.compressOutbound;
    this.jwtCookie = b.jwtCookie;
  }

  /**
   * Returns the defaults: the URL's own path, no extra headers, compression offered, no cookie-JWT.
   *
   * @return the defaults
   */
  public static WebSocketOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the HTTP path for every server (a proxy's route), or null to use each URL's own path.
   *
   * @return the path (starting with {@code /}) or null
   */
  public String path() {
    return path;
  }

  /**
   * Returns the extra headers of the upgrade request, in the order added.
   *
   * @return header name to values; unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Tells whether permessage-deflate (RFC 7692) is offered; it is used only when the server accepts
   * it (its {@code websocket { compression: true }}), for the server's messages and, with {@link
   * #compressOutbound()}, for this client's.
   *
   * @return true to offer compression
   */
  public boolean compression() {
    return compression;
  }

  /**
   * Tells whether this client also compresses what it sends once compression was agreed.
   *
   * @return true to compress outgoing messages; false (the default) to compress only the server's
   */
  public boolean compressOutbound() {
    return compressOutbound;
  }

  /**
   * Returns the name of the cookie the server reads the user JWT from ({@code jwt_cookie} of its
   * {@code websocket {}} block), or null when the JWT goes in CONNECT as over TCP.
   *
   * @return the cookie name or null
   */
  public String jwtCookie() {
    return jwtCookie;
  }

  /** Shows header names, never their values (they often hold secrets). */
  @Override
  public String toString() {
    return "WebSocketOptions[path="
        + path
        + ", headers="
        + headers.keySet()
        + ", compression="
        + compression
        + ", compressOutbound="
        + compressOutbound
        + ", jwtCookie="
        + jwtCookie
        + "]";
  }

  /**
   * Builds {@link WebSocketOptions}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String path;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private boolean compression = true;
    private boolean compressOutbound;
    private String jwtCookie;

    private Builder() {}

    /**
     * Sends the upgrade request to this path on every server instead of the URL's path (for a proxy
     * that routes by path); default: the URL's path, else {@code /}.
     *
     * @param path e.g. {@code /nats}; a missing leading {@code /} is added
     * @return this builder
     */
    public Builder path(String path) {
      this.path = path == null || path.isEmpty() || path.startsWith("/") ? path : "/" + path;
      return this;
    }

    /**
     * Adds a header to the upgrade request (may be called again for more values).
     *
     * @param name the header name; not one the WebSocket handshake itself sets
     * @param value the value
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Offers permessage-deflate compression; default true. The server compresses only when its
     * listener has {@code compression: true}; off, neither side compresses.
     *
     * @param compression true to offer
     * @return this builder
     */
    public Builder compression(boolean compression) {
      this.compression = compression;
      return this;
    }

    /**
     * Compresses what this client sends too, once compression was agreed; default false: the
     * server's messages (subscriptions, fan-out: usually the bulk) arrive compressed and publishes
     * go uncompressed, which spares deflating on the client and inflating on the server. Turn it on
     * when the link to the server is the bottleneck for publishing.
     *
     * @param compressOutbound true to compress outgoing messages as well
     * @return this builder
     */
    public Builder compressOutbound(boolean compressOutbound) {
      this.compressOutbound = compressOutbound;
      return this;
    }

    /**
     * Sends the user JWT of the credentials as this cookie in the upgrade request instead of in
     * CONNECT, for servers configured with {@code websocket { jwt_cookie: "<name>" }}. The nonce is
     * still signed in CONNECT.
     *
     * @param cookieName the cookie name the server expects, or null for CONNECT
     * @return this builder
     */
    public Builder jwtCookie(String cookieName) {
      this.jwtCookie = cookieName;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the options
     * @throws IllegalArgumentException naming the invalid field
     */
    public WebSocketOptions build() {
      if (path != null && path.chars().anyMatch(c -> c <= ' ' || c == 127)) {
        throw new IllegalArgumentException("webSocket path must not contain spaces or controls");
      }
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        String name = Objects.requireNonNull(e.getKey(), "webSocket header name");
        if (name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
          throw new IllegalArgumentException("webSocket header name is not valid: " + name);
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException(
              "webSocket header " + name + " is set by the WebSocket handshake itself");
        }
        for (String value : e.getValue()) {
          if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException(
                "webSocket header " + name + " has a value with CR, LF or NUL (or none)");
          }
        }
      }
      if (jwtCookie != null
          && (jwtCookie.isEmpty() || !jwtCookie.chars().allMatch(Builder::isTokenChar))) {
        throw new IllegalArgumentException("webSocket jwtCookie is not a valid cookie name");
      }
      return new WebSocketOptions(this);
    }

    private static boolean isTokenChar(int c) {
      return c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
  }
}
