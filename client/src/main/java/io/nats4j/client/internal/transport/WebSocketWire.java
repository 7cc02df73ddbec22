package io.nats4j.client.internal.transport;

import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.TlsOptions;
import io.nats4j.client.WebSocketOptions;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * NATS inside WebSocket messages (RFC 6455): TLS first for {@code wss://} (or when TLS options are
 * set, as for {@code tls://}), then the HTTP upgrade, then the framed streams.
 *
 * <p>Thread-safety: stateless apart from the key source, which is thread-safe.
 */
final class WebSocketWire implements Wire {
  static final WebSocketWire INSTANCE = new WebSocketWire();

  /**
   * The largest message taken from a server, compressed or inflated. The server frames what it
   * flushes at once, which its {@code max_pending} (64 MiB by default) bounds; twice that leaves
   * room and still stops a peer that declares an absurd length.
   */
  static final long MAX_MESSAGE_BYTES = 128L * 1024 * 1024;

  private static final SecureRandom KEYS = new SecureRandom();

  private WebSocketWire() {}

  @Override
  public Transport beforeInfo(
      Transport plain, ServerAddress address, Options options, Supplier<String> cookieJwt)
      throws IOException {
    Socket socket = plain.socket();
    TlsOptions tls = options.tls();
    if (address.tlsRequired() || tls != null) {
      socket =
          TlsUpgrader.upgrade(
              socket,
              tls == null ? TlsOptions.builder().build() : tls,
              address.host(),
              address.port());
    }
    WebSocketOptions ws = options.webSocket();
    String key = WebSocketUpgrade.newKey(KEYS);
    String jwt = ws.jwtCookie() == null ? null : cookieJwt.get();
    OutputStream out = socket.getOutputStream();
    out.write(WebSocketUpgrade.request(address, ws, key, jwt).getBytes(StandardCharsets.UTF_8));
    out.flush();
    WebSocketUpgrade.Head head = WebSocketUpgrade.readHead(socket.getInputStream());
    WebSocketUpgrade.Agreed agreed = WebSocketUpgrade.check(head.head(), key, ws.compression());
    PerMessageDeflate deflate =
        agreed.compression() ? new PerMessageDeflate(agreed.serverNoContextTakeover()) : null;
    WebSocketOutputStream wsOut =
        new WebSocketOutputStream(out, ws.compressOutbound() ? deflate : null);
    WebSocketInputStream wsIn =
        new WebSocketInputStream(
            socket.getInputStream(), head.rest(), wsOut, deflate, MAX_MESSAGE_BYTES);
    // No close frame of our own on close(): a blocking socket write cannot be bounded, and a frozen
    // server with a full send buffer would hang close(); the server takes the TCP close as a close.
    return new Transport(socket, wsIn, wsOut);
  }

  @Override
  public Transport afterInfo(
      Transport transport, ServerAddress address, Options options, ServerInfo info) {
    if (transport.out() instanceof WebSocketOutputStream out) {
      out.serverMaxPayload(info.maxPayload());
    }
    return transport; // TLS, if any, is below the WebSocket; INFO's tls_required describes that
  }

  @Override
  public boolean jwtInConnect(Options options) {
    return options.webSocket().jwtCookie() == null;
  }
}
