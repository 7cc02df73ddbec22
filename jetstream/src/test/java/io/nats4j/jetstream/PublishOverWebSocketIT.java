package io.nats4j.jetstream;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/** Every test of {@link PublishIT}, over WebSocket ({@code ws://}) against the real server. */
@OverWebSocket
class PublishOverWebSocketIT extends PublishIT {
  PublishOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
