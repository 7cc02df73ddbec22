package io.nats4j.client.internal.transport;

import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * How NATS bytes travel to one kind of server URL: plain NATS over TCP ({@code nats://}, {@code
 * tls://}) or NATS inside WebSocket messages ({@code ws://}, {@code wss://}). The handshake asks
 * the wire at its two points that differ (before and after the server's INFO) and knows nothing
 * else about it; after the handshake the connection reads and writes the {@link Transport}'s
 * streams the same way for both.
 *
 * <p>Thread-safety: stateless.
 */
public sealed interface Wire permits TcpWire, WebSocketWire {

  /**
   * Returns the wire of an address.
   *
   * @param address the server address
   * @return the wire for its scheme
   */
  static Wire of(ServerAddress address) {
    return address.webSocket() ? WebSocketWire.INSTANCE : TcpWire.INSTANCE;
  }

  /**
   * Prepares a freshly dialed transport before the server's INFO is read: TLS first for a {@code
   * handshake_first} TCP server; TLS (for {@code wss://} or configured TLS) and the HTTP upgrade
   * for WebSocket.
   *
   * @param plain the dialed transport
   * @param address the server address (the host TLS verifies against)
   * @param options the options
   * @param cookieJwt gives the user JWT for the cookie-JWT mode (read only if that mode is on)
   * @return the transport to read INFO from
   * @throws IOException on I/O failure
   */
  Transport beforeInfo(
      Transport plain, ServerAddress address, Options options, Supplier<String> cookieJwt)
      throws IOException;

  /**
   * Continues after INFO: a TCP connection switches to TLS when the URL, the options or the server
   * ask for it; a WebSocket decided TLS before the upgrade and learns the server's max_payload (the
   * most a compressed message it takes may inflate to).
   *
   * @param transport the transport INFO came on
   * @param address the server address
   * @param options the options
   * @param info the server's INFO
   * @return the transport to send CONNECT on
   * @throws IOException on I/O failure
   */
  Transport afterInfo(Transport transport, ServerAddress address, Options options, ServerInfo info)
      throws IOException;

  /**
   * Tells whether the user JWT goes in CONNECT.
   *
   * @param options the options
   * @return false when the upgrade request carried it as a cookie
   */
  boolean jwtInConnect(Options options);
}
