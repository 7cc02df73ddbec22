package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.LogCapture;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.Permissions;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user learns without registering any listener: asynchronous errors are logged at WARN, the
 * reason a connection closed at ERROR, the connection keeps both ({@link Connection#lastError()},
 * {@link Connection#closeReason()}), and what a closed connection throws carries the reason.
 */
class CloseReasonAndDefaultLoggingIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server =
        NatsServer.start(
            ServerConfig.builder()
                .user("limited", "s3cret", Permissions.publishDeny("secret.>"))
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static Options.Builder limited() {
    return Options.builder()
        .server(server.clientUrl())
        .credentials(Credentials.userPassword("limited", "s3cret".toCharArray()));
  }

  @Test
  void aDeniedPublishWithNoListenerIsLoggedAtWarnAndIsTheLastError() {
    try (LogCapture logs = LogCapture.start();
        Connection nc = Nats.connect(limited().build())) {
      assertTrue(nc.lastError().isEmpty());

      nc.publish("secret.plans", "x");
      nc.flush(WAIT);

      String line =
          logs.await(l -> l.contains(" WARN ") && l.contains("publishing to secret.plans"), WAIT);
      assertTrue(line.contains("Permissions Violation"), line);
      AuthorizationException last =
          assertInstanceOf(AuthorizationException.class, nc.lastError().orElseThrow());
      assertTrue(last.getMessage().contains("secret.plans"), last.getMessage());
      assertTrue(nc.closeReason().isEmpty(), "still open");
    }
  }

  @Test
  void aDeniedRequestThrowsAnAuthorizationExceptionThatIsNotItsOwnCause() {
    try (Connection nc = Nats.connect(limited().build())) {
      AuthorizationException e =
          assertThrows(
              AuthorizationException.class, () -> nc.request("secret.question", new byte[0], WAIT));

      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        assertNotEquals(e.getMessage(), c.getMessage(), "the cause repeats the exception");
      }
      assertNull(e.getCause());
    }
  }

  @Test
  void aConnectionThatClosesOnItsOwnKeepsTheReasonLogsItAtErrorAndThrowsItAsTheCause() {
    RecordingListener events = new RecordingListener();
    try (LogCapture logs = LogCapture.start();
        NatsServer own = NatsServer.start()) {
      Connection nc =
          Nats.connect(
              Options.builder()
                  .server(own.clientUrl())
                  .connectionListener(events)
                  .reconnect(ReconnectOptions.disabled())
                  .build());
      own.stop();

      ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

      NatsException reason = nc.closeReason().orElseThrow();
      assertSame(closed.cause(), reason);
      assertSame(reason, nc.lastError().orElseThrow());
      ConnectionClosedException publish =
          assertThrows(ConnectionClosedException.class, () -> nc.publish("x", "y"));
      assertSame(reason, publish.getCause());
      assertTrue(publish.getMessage().contains(reason.getMessage()), publish.getMessage());
      ConnectionClosedException subscribe =
          assertThrows(ConnectionClosedException.class, () -> nc.subscribe("x"));
      assertSame(reason, subscribe.getCause());
      logs.await(l -> l.contains(" ERROR ") && l.contains(reason.getMessage()), WAIT);
      nc.close();
    }
  }

  @Test
  void aConnectionTheApplicationClosedHasNoCloseReason() {
    Connection nc = Nats.connect(limited().build());
    nc.close();

    assertFalse(nc.closeReason().isPresent());
    ConnectionClosedException e =
        assertThrows(ConnectionClosedException.class, () -> nc.publish("x", "y"));
    assertNull(e.getCause());
    assertEquals(ConnectionStatus.CLOSED, nc.status());
  }
}
