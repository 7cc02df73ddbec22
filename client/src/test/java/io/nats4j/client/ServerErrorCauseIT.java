package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code -ERR} after which the server goes on serving (here {@code maximum subscriptions
 * exceeded}) is reported to the error listener, and is not the cause of a later, unrelated
 * disconnect.
 */
class ServerErrorCauseIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server =
        NatsServer.start(ServerConfig.builder().configFragment("max_subscriptions: 1").build());
  }

  @AfterAll
  static void stop() {
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static Options.Builder options(RecordingListener events, List<AsyncError> errors) {
    return Options.builder()
        .server(server.clientUrl())
        .connectionListener(events)
        .errorListener(errors::add)
        .reconnect(
            ReconnectOptions.builder()
                .maxAttempts(-1)
                .waitTime(Duration.ofMillis(50))
                .jitter(Duration.ZERO, Duration.ZERO)
                .build());
  }

  private static void provokeNonFatalError(Connection nc, List<AsyncError> errors) {
    nc.subscribe("first");
    nc.subscribe("second"); // over max_subscriptions: the server refuses it and carries on
    Await.until(() -> !errors.isEmpty(), WAIT, "the server's -ERR reported");
    AsyncError.ServerError err = (AsyncError.ServerError) errors.get(0);
    assertTrue(err.text().toLowerCase().contains("maximum subscriptions"), err.text());
    nc.flush(WAIT); // still served
  }

  @Test
  void aForcedReconnectAfterANonFatalErrorIsNotBlamedOnIt() {
    RecordingListener events = new RecordingListener();
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc = Nats.connect(options(events, errors).build())) {
      provokeNonFatalError(nc, errors);
      nc.forceReconnect();
      ConnectionEvent.Disconnected d = events.await(ConnectionEvent.Disconnected.class, 1, WAIT);
      assertTrue(d.cause().getMessage().contains("forced"), d.cause().toString());
      assertFalse(d.cause().getMessage().contains("subscriptions"), d.cause().toString());
      events.await(ConnectionEvent.Reconnected.class, 1, WAIT);
    }
  }

  @Test
  void aServerRestartAfterANonFatalErrorIsNotBlamedOnIt() {
    RecordingListener events = new RecordingListener();
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc = Nats.connect(options(events, errors).build())) {
      provokeNonFatalError(nc, errors);
      nc.publish("after.the.error", new byte[0]); // more traffic in between changes nothing
      nc.flush(WAIT);
      server.restart();
      ConnectionEvent.Disconnected d = events.await(ConnectionEvent.Disconnected.class, 1, WAIT);
      assertFalse(d.cause().getMessage().contains("subscriptions"), d.cause().toString());
      assertEquals(ConnectionClosedException.class, d.cause().getClass(), d.cause().toString());
      events.await(ConnectionEvent.Reconnected.class, 1, WAIT);
    }
  }
}
