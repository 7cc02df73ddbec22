package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the real server does on its own initiative: refusing credentials, pinging its clients. */
class ServerDrivenIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void authorizationViolationDuringTheHandshakeIsAnAuthenticationException() {
    try (NatsServer server =
        NatsServer.start(ServerConfig.builder().user("alice", "right").build())) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () ->
                  Nats.connect(
                      Options.builder()
                          .server("nats://alice:wrong@127.0.0.1:" + server.port())
                          .reconnect(ReconnectOptions.disabled())
                          .build()));
      assertTrue(e.getMessage().contains("Authorization Violation"), e.getMessage());
      LibraryThreads.assertNoneLeaked(); // a refused connect leaves nothing behind
    }
  }

  @Test
  void theServersPingsAreAnsweredSoItKeepsTheConnection() {
    // the server pings every 100 ms and drops a client that leaves 2 unanswered; the client's own
    // keep-alive (2 min) plays no part
    ServerConfig config =
        ServerConfig.builder()
            .trace()
            .configFragment("ping_interval: \"100ms\"\nping_max: 2")
            .build();
    try (NatsServer server = NatsServer.start(config)) {
      RecordingListener events = new RecordingListener();
      try (Connection nc =
          Nats.connect(
              Options.builder().server(server.clientUrl()).connectionListener(events).build())) {
        Await.until(
            () -> server.log().split("<<- \\[PONG\\]", -1).length - 1 >= 5,
            WAIT,
            "five server PINGs answered, log:\n" + server.logTail(20));
        nc.flush(WAIT);
        assertEquals(ConnectionStatus.CONNECTED, nc.status());
        assertEquals(
            0, events.count(ConnectionEvent.Disconnected.class), events.types().toString());
      }
    }
  }
}
