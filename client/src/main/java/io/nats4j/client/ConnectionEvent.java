package io.nats4j.client;

import java.util.List;

/**
 * A change in a connection's life, delivered to the {@link ConnectionListener}. Each transition
 * fires exactly one event.
 *
 * <p>Thread-safety: every event is an immutable record.
 *
 * <pre>{@code
 * options.connectionListener(event -> {
 *   switch (event) {
 *     case ConnectionEvent.Disconnected d -> log.warn("lost server", d.cause());
 *     case ConnectionEvent.Reconnected r -> log.info("back on {}", r.server());
 *     default -> {}
 *   }
 * });
 * }</pre>
 */
public sealed interface ConnectionEvent {

  /**
   * The first connection is established.
   *
   * @param server the server URL, without credentials
   * @param info what the server announced
   */
  record Connected(String server, ServerInfo info) implements ConnectionEvent {}

  /**
   * The connection to a server was lost.
   *
   * @param server the server URL, without credentials
   * @param cause why, never null
   */
  record Disconnected(String server, Throwable cause) implements ConnectionEvent {}

  /**
   * A new connection was established after a loss.
   *
   * @param server the server URL now connected to, without credentials
   */
  record Reconnected(String server) implements ConnectionEvent {}

  /**
   * After a reconnect, the active subscriptions were sent to the new server.
   *
   * @param subscriptions how many
   */
  record Resubscribed(int subscriptions) implements ConnectionEvent {}

  /**
   * The server announced cluster members not known before.
   *
   * @param servers the new server URLs
   */
  record ServersDiscovered(List<String> servers) implements ConnectionEvent {
    /**
     * Copies the list.
     *
     * @param servers the new server URLs
     */
    public ServersDiscovered {
      servers = List.copyOf(servers);
    }
  }

  /**
   * The server is shutting down (lame-duck mode) and asked clients to move elsewhere.
   *
   * @param server the server URL, without credentials
   */
  record LameDuck(String server) implements ConnectionEvent {}

  /**
   * The connection is closed for good; the last event it fires.
   *
   * @param cause null after {@link Connection#close()}, otherwise the fatal error
   */
  record Closed(Throwable cause) implements ConnectionEvent {}
}
