package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator mode with user JWTs that expire seconds after they are issued (by the nkeys module): the
 * server ends the session; a credentials supplier that mints a fresh JWT keeps the connection
 * working, while fixed credentials close it with the expiry named.
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
   * Fixed credentials cannot be renewed: when the server ends the session at the JWT's {@code exp},
   * the client knows the JWT in the file has expired, so it neither dials again nor reports a
   * reconnect that cannot last; it closes at once, saying which file expired when, logs that at
   * ERROR, and every later operation throws with that reason as its cause.
   */
  @Test
  void aCredsFileWhoseJwtExpiresClosesTheConnectionSayingSoWithoutAReconnect(@TempDir Path dir)
      throws Exception {
    Instant expires = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    Path file = dir.resolve("expiring.creds");
    try (NKey user = NKey.create(KeyType.USER)) {
      String jwt = operatorMode.userJwt(user, "expiring", expires);
      Files.writeString(file, new String(Creds.format(jwt, user.seed())));
    }
    RecordingListener events = new RecordingListener();
    Options options =
        Options.builder()
            .server(operatorMode.server().clientUrl())
            .connectionListener(events)
            .credentials(Credentials.credsFile(file))
            .reconnect(
                ReconnectOptions.builder()
                    .maxAttempts(-1)
                    .waitTime(Duration.ofMillis(100))
                    .jitter(Duration.ZERO, Duration.ZERO)
                    .build())
            .build();
    try (LogCapture logs = LogCapture.start();
        Connection nc = Nats.connect(options)) {

      ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class, WAIT);

      String expected = "user JWT in " + file + " expired at " + expires;
      CredentialsExpiredException reason =
          assertInstanceOf(CredentialsExpiredException.class, closed.cause());
      assertTrue(reason.getMessage().startsWith(expected), reason.getMessage());
      assertEquals(expires, reason.expiredAt());
      assertEquals(0, events.count(ConnectionEvent.Reconnected.class), events.types().toString());
      assertEquals(reason, nc.closeReason().orElseThrow());
      ConnectionClosedException thrown =
          assertThrows(ConnectionClosedException.class, () -> nc.publish("after", "x"));
      assertSame(reason, thrown.getCause());
      logs.await(l -> l.contains(" ERROR ") && l.contains(expected), WAIT);
    }
  }

  @Test
  void connectingWithAnAlreadyExpiredCredsFileSaysSoAtOnce(@TempDir Path dir) throws Exception {
    Instant expired = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    Path file = dir.resolve("expired.creds");
    try (NKey user = NKey.create(KeyType.USER)) {
      String jwt = operatorMode.userJwt(user, "expired", expired);
      Files.writeString(file, new String(Creds.format(jwt, user.seed())));
    }
    Options options =
        Options.builder()
            .server(operatorMode.server().clientUrl())
            .credentials(Credentials.credsFile(file))
            .build();

    CredentialsExpiredException e =
        assertThrows(CredentialsExpiredException.class, () -> Nats.connect(options));

    assertTrue(
        e.getMessage().startsWith("user JWT in " + file + " expired at " + expired),
        e.getMessage());
  }
}
