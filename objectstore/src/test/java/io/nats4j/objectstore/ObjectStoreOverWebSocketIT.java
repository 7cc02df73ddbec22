package io.nats4j.objectstore;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/**
 * Every test of {@link ObjectStoreIT}, over WebSocket ({@code ws://}, compression on) against the
 * real server.
 */
@OverWebSocket(compression = true)
class ObjectStoreOverWebSocketIT extends ObjectStoreIT {
  ObjectStoreOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
