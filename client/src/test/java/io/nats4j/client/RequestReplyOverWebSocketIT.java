package io.nats4j.client;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/** Every test of {@link RequestReplyIT}, over WebSocket ({@code ws://}) against the real server. */
@OverWebSocket
class RequestReplyOverWebSocketIT extends RequestReplyIT {
  RequestReplyOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
