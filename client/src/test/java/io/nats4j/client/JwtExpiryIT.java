package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.LibraryThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operator mode with a user JWT that expires 2 s after it is issued: the server ends the session,
 * the client reconnects, and a credentials supplier that mints a fresh JWT keeps it working.
 */
class JwtExpiryIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static OperatorFixture operatorMode;

  @BeforeAll
  static void startOperatorModeServer() {
    operatorMode = OperatorFixture.start();
  }

  @AfterAll
  static void stop() {
    operatorMode.close();
    LibraryThreads.assertNoneLeaked();
  }

  /** Mints user creds; the first ones expire in 2 s, later ones in an hour. */
  private static final class Minter {
    final NKey user = NKey.create(KeyType.USER);
    final AtomicInteger minted = new AtomicInteger();
    final boolean freshAfterFirst;

    Minter(boolean freshAfterFirst) {
      this.freshAfterFirst = freshAfterFirst;
    }

    Credentials next() {
      int n = minted.incrementAndGet();
      Instant expires =
          n == 1 || !freshAfterFirst
              ? Instant.now().plusSeconds(2)
              : Instant.now().plus(Duration.ofHours(1));
      String jwt = operatorMode.userJwt(user, "expiring", expires);
      return Credentials.creds(Creds.format(jwt, user.seed()));
    }
  }

  private static Options options(Minter minter, RecordingListener events) {
    return Options.builder()
        .server(operatorMode.server().clientUrl())
        .connectionListener(events)
        .credentialsSupplier(minter::next)
        .reconnect(
            ReconnectOptions.builder()
                .maxAttempts(-1)
                .waitTime(Duration.ofMillis(100))
                .jitter(Duration.ZERO, Duration.ZERO)
                .build())
        .build();
  }

  @Test
  void anExpiredJwtEndsTheSessionAndAFreshOneFromTheSupplierReconnects() {
    Minter minter = new Minter(true);
    RecordingListener events = new RecordingListener();
    try (Connection nc = Nats.connect(options(minter, events))) {
      Subscription sub = nc.subscribe("still.working");

      ConnectionEvent.Disconnected expired = events.await(ConnectionEvent.Disconnected.class, WAIT);
      events.await(ConnectionEvent.Resubscribed.class, WAIT);

      assertInstanceOf(AuthenticationException.class, expired.cause());
      assertTrue(
          expired.cause().getMessage().contains("Authentication Expired"),
          expired.cause().getMessage());
      assertTrue(minter.minted.get() >= 2);
      nc.publish("still.working", "yes");
      assertEquals("yes", sub.next(WAIT).dataAsString());
    }
  }

  /**
   * Fixed credentials cannot be renewed: once the JWT has expired the server refuses it ("User
   * Authentication Expired", then "Authorization Violation"; within the second of expiry
   * nats-server 2.15 may still accept it and end the session at once), and the second identical
   * refusal in a row closes the connection instead of retrying forever.
   */
  @Test
  void fixedCredentialsThatExpiredEndInClosedAfterTheSecondIdenticalRefusal() {
    Minter minter = new Minter(false);
    RecordingListener events = new RecordingListener();
    Duration wait = Duration.ofMillis(500);
    Options options =
        options(minter, events).toBuilder()
            .credentials(minter.next())
            .credentialsSupplier(null)
            .reconnect(
                ReconnectOptions.builder()
                    .maxAttempts(-1)
                    .waitTime(wait)
                    .jitter(Duration.ZERO, Duration.ZERO)
                    .build())
            .build();
    Connection nc = Nats.connect(options);

    ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

    assertInstanceOf(AuthenticationException.class, closed.cause());
    String refusal = closed.cause().getMessage();
    assertTrue(
        refusal.contains("Authorization Violation") || refusal.contains("Authentication Expired"),
        refusal);
    assertInstanceOf(
        AuthenticationException.class,
        events.await(ConnectionEvent.Disconnected.class, WAIT).cause());
    // accepted-then-expired sessions happen only within the second of expiry, 500 ms apart
    assertTrue(events.count(ConnectionEvent.Reconnected.class) <= 3, events.types().toString());
    assertEquals(ConnectionStatus.CLOSED, nc.status());
  }
}
