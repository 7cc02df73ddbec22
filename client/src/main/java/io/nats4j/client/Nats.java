package io.nats4j.client;

import io.nats4j.client.internal.connection.ClientVersion;
import io.nats4j.client.internal.connection.NatsConnection;

/**
 * The entry point: opens connections.
 *
 * <p>Thread-safety: stateless; call from any thread.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://localhost:4222")) {
 *   nc.publish("hello", "world");
 * }
 * }</pre>
 */
public final class Nats {
  private Nats() {}

  /**
   * Returns the version of this client, as built; it is also sent to the server in {@code CONNECT}
   * (with {@code "lang":"nats4j"}), so the server's {@code connz} shows it.
   *
   * @return e.g. {@code "0.1.0"}, or {@code "unknown"} when the jar lacks its build information
   */
  public static String version() {
    return ClientVersion.VERSION;
  }

  /**
   * Connects with default options to one or more servers.
   *
   * @param urls one URL or several separated by commas, e.g. {@code "nats://a:4222,nats://b:4222"}
   * @return a connected connection
   * @throws IllegalArgumentException if a URL is invalid
   * @throws AuthenticationException if the server refused the credentials
   * @throws NatsTimeoutException if the handshake did not finish within the connect timeout
   * @throws NatsException if no server could be reached (the cause says why)
   */
  public static Connection connect(String urls) {
    return connect(Options.builder().server(urls).build());
  }

  /**
   * Connects with the given options.
   *
   * @param options the options
   * @return a connected connection
   * @throws AuthenticationException if the server refused the credentials
   * @throws NatsTimeoutException if the handshake did not finish within the connect timeout
   * @throws NatsException if no server could be reached (the cause says why)
   */
  public static Connection connect(Options options) {
    return NatsConnection.connect(options);
  }
}
