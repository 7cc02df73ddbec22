package io.nats4j.kv;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/** Every test of {@link KeyValueIT}, over WebSocket ({@code ws://}) against the real server. */
@OverWebSocket
class KeyValueOverWebSocketIT extends KeyValueIT {
  KeyValueOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
