package io.nats4j.jetstream;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.OverWebSocket;

/**
 * Every test of {@link PullConsumeIT}, over WebSocket ({@code ws://}, compression on) against the
 * real server.
 */
@OverWebSocket(compression = true)
class PullConsumeOverWebSocketIT extends PullConsumeIT {
  PullConsumeOverWebSocketIT(NatsServer server) {
    super(server);
  }
}
