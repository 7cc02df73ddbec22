package io.nats4j.client;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;

/**
 * Every test of {@link ReconnectIT}, over WebSocket ({@code ws://}): restarts, kills, buffers and
 * auth errors against servers whose client URL is their websocket listener.
 */
class ReconnectOverWebSocketIT extends ReconnectIT {
  @Override
  NatsServer startServer(ServerConfig config) {
    return NatsServer.start(config.toBuilder().clientsOverWebSocket().build());
  }
}
