package io.nats4j.client;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/** Every test of {@link PubSubIT}, over WebSocket ({@code ws://}) against the real server. */
@OverWebSocket
class PubSubOverWebSocketIT extends PubSubIT {
  PubSubOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
