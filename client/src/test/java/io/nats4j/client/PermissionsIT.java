package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.Permissions;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PermissionsIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server =
        NatsServer.start(
            ServerConfig.builder()
                .user(
                    "limited",
                    "s3cret",
                    Permissions.publishDeny("secret.>").andSubscribeDeny("private.>"))
                .user("noinbox", "pw", Permissions.subscribeDeny("_INBOX.>"))
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
    LibraryThreads.assertNoneLeaked();
  }

  private static Connection connect(List<AsyncError> errors) {
    return Nats.connect(
        Options.builder()
            .server(server.clientUrl())
            .credentials(Credentials.userPassword("limited", "s3cret".toCharArray()))
            .errorListener(errors::add)
            .build());
  }

  @Test
  void deniedPublishIsReportedWithTheSubjectAndTheConnectionStaysUsable() {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc = connect(errors)) {
      Subscription sub = nc.subscribe("public");
      nc.publish("secret.plans", "x");
      nc.flush(WAIT);
      Await.until(() -> !errors.isEmpty(), WAIT, "permission error reported");
      AsyncError.PermissionDenied denied =
          assertInstanceOf(AsyncError.PermissionDenied.class, errors.get(0));
      assertEquals(AsyncError.Operation.PUBLISH, denied.operation());
      assertEquals("secret.plans", denied.subject());
      nc.publish("public", "ok");
      assertEquals("ok", sub.next(WAIT).dataAsString());
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void deniedSubscriptionIsReportedAndFailsTheSubscription() {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc = connect(errors)) {
      Subscription sub = nc.subscribe("private.inbox");
      nc.flush(WAIT);
      Await.until(() -> !errors.isEmpty(), WAIT, "permission error reported");
      AsyncError.PermissionDenied denied =
          assertInstanceOf(AsyncError.PermissionDenied.class, errors.get(0));
      assertEquals(AsyncError.Operation.SUBSCRIBE, denied.operation());
      assertEquals("private.inbox", denied.subject());
      assertThrows(AuthorizationException.class, () -> sub.next(WAIT));
      assertFalse(sub.isActive());
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void wrongPasswordIsAnAuthenticationExceptionWithTheServersWords() {
    AuthenticationException e =
        assertThrows(
            AuthenticationException.class,
            () ->
                Nats.connect(
                    Options.builder()
                        .server(server.clientUrl())
                        .credentials(Credentials.userPassword("limited", "wrong".toCharArray()))
                        .build()));
    assertEquals(true, e.getMessage().contains("Authorization Violation"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong"), e.getMessage());
  }

  @Test
  void credentialsInTheUrlAreUsedAndNeverShown() {
    String url = "nats://limited:s3cret@127.0.0.1:" + server.port();
    try (Connection nc = Nats.connect(url)) {
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
      assertFalse(nc.connectedUrl().contains("s3cret"));
      assertFalse(nc.toString().contains("s3cret"));
    }
    assertFalse(Options.builder().server(url).build().toString().contains("s3cret"));
  }

  @Test
  void requestToADeniedSubjectFailsAtOnceWithAuthorizationException() {
    List<AsyncError> errors = new CopyOnWriteArrayList<>();
    try (Connection nc = connect(errors)) {
      long start = System.nanoTime();
      AuthorizationException e =
          assertThrows(
              AuthorizationException.class,
              () -> nc.request("secret.service", new byte[0], Duration.ofSeconds(20)));
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos());
      assertTrue(e.getMessage().contains("secret.service"), e.getMessage());
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void requestWithoutPermissionForTheReplyInboxFailsAtOnce() {
    try (Connection nc =
        Nats.connect(
            Options.builder()
                .server(server.clientUrl())
                .credentials(Credentials.userPassword("noinbox", "pw".toCharArray()))
                .errorListener(error -> {})
                .build())) {
      nc.defaultDispatcher().subscribe("svc", m -> m.respond("hi"));
      nc.flush(WAIT);
      AuthorizationException e =
          assertThrows(
              AuthorizationException.class,
              () -> nc.request("svc", new byte[0], Duration.ofSeconds(20)));
      assertTrue(e.getMessage().contains("_INBOX"), e.getMessage());
      // and again: the next request learns the verdict again instead of timing out
      assertThrows(
          AuthorizationException.class,
          () -> nc.request("svc", new byte[0], Duration.ofSeconds(20)));
      nc.flush(WAIT);
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }
}
