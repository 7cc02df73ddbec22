package io.nats4j.opentelemetry.internal;

import io.nats4j.client.Connection;
import java.net.URI;

/**
 * {@code server.address} and {@code server.port} of a connection's current server, parsed once per
 * URL: a connection's URL changes only when it reconnects elsewhere.
 *
 * <p>Thread-safety: safe from any thread (one volatile cache, replaced whole).
 */
final class ServerAttributes {
  record Server(String url, String address, long port) {}

  private volatile Server last;

  Server of(Connection connection) {
    String url = connection.connectedUrl();
    Server cached = last;
    if (cached != null && cached.url.equals(url == null ? "" : url)) {
      return cached;
    }
    Server parsed = parse(url);
    last = parsed;
    return parsed;
  }

  static Server parse(String url) {
    if (url == null) {
      return new Server("", null, -1);
    }
    try {
      URI uri = URI.create(url);
      return new Server(url, uri.getHost(), uri.getPort());
    } catch (IllegalArgumentException e) {
      return new Server(url, null, -1);
    }
  }
}
