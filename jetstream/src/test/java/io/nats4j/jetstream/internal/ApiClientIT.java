package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.AccountInfo;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.testkit.JetStream;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.nats4j.testkit.RequiresServerVersion;
import org.junit.jupiter.api.Test;

@NatsServerTest
@JetStream
class ApiClientIT {
  private final NatsServer server;

  ApiClientIT(NatsServer server) {
    this.server = server;
  }

  @Test
  @RequiresServerVersion("2.12.0") // the server checks Nats-Required-Api-Level from 2.12
  void theServerEnforcesTheRequiredApiLevelHeader() {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      ApiClient api = new ApiClient(nc, JetStreamOptions.defaults());
      int level = api.apiLevel();
      AccountInfo ok = api.request("INFO", null, level, AccountInfo.class);
      assertEquals(level, ok.api().level());
      JetStreamApiException e =
          assertThrows(
              JetStreamApiException.class,
              () -> api.request("INFO", null, level + 1, AccountInfo.class));
      assertEquals(JetStreamApiException.REQUIRED_API_LEVEL, e.errorCode());
    }
  }
}
