package io.nats4j.client.internal.transport;

import io.nats4j.client.Dialer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The default {@link Dialer}: a plain TCP socket.
 *
 * <p>Thread-safety: stateless.
 */
public final class SocketDialer implements Dialer {
  /** The shared instance. */
  public static final SocketDialer INSTANCE = new SocketDialer();

  private SocketDialer() {}

  @Override
  public Socket dial(String host, int port, Duration timeout) throws IOException {
    Socket socket = new Socket();
    try {
      Transport.tune(socket);
      socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
