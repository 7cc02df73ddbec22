package io.nats4j.client;

import io.nats4j.client.internal.transport.SocketDialer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * Opens the plain TCP socket a connection runs over: the place to plug in a proxy, a custom socket
 * factory or socket options. TLS and, for {@code ws://}/{@code wss://} URLs, the WebSocket upgrade
 * are layered on top by the client, never by the dialer.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread; the client calls {@link
 * #dial} from the thread that connects (the caller of {@link Nats#connect}, later a reconnect
 * thread).
 *
 * <pre>{@code
 * Options options = Options.builder()
 *     .server("nats://example.com:4222")
 *     .dialer((host, port, timeout) -> mySocketFactory.createSocket(host, port))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface Dialer {

  /**
   * Opens a connected socket.
   *
   * @param host the host name or address from the server URL
   * @param port the port from the server URL
   * @param timeout how long the connect may take
   * @return a connected socket; the client sets TCP_NODELAY and buffer sizes on it
   * @throws IOException if the socket cannot be opened in time
   */
  Socket dial(String host, int port, Duration timeout) throws IOException;

  /**
   * Returns the default dialer: a plain {@link Socket} with TCP_NODELAY and large buffers.
   *
   * @return the default dialer
   */
  static Dialer defaultDialer() {
    return SocketDialer.INSTANCE;
  }
}
