package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creds files, JWTs and credential suppliers end to end through {@link Nats#connect(Options)},
 * against a real server in operator mode whose JWTs the nkeys module issued.
 */
class CredentialsConnectIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static OperatorFixture operatorMode;
  private static NatsServer server;

  @TempDir static Path temp;

  @BeforeAll
  static void startOperatorModeServer() {
    operatorMode = OperatorFixture.start();
    server = operatorMode.server();
  }

  @AfterAll
  static void stop() {
    operatorMode.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void credsFileOnDiskAndInMemoryConnect() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      char[] creds = operatorMode.userCreds(user, "alice");
      Path file = temp.resolve("alice.creds");
      Files.writeString(file, new String(creds));
      for (Credentials credentials :
          new Credentials[] {Credentials.credsFile(file), Credentials.creds(creds)}) {
        try (Connection nc = Nats.connect(options(credentials).build())) {
          roundTrip(nc);
        }
      }
    }
  }

  @Test
  void wrongSeedFailsWithTheServersWords() throws IOException {
    try (NKey user = NKey.create(KeyType.USER);
        NKey wrong = NKey.create(KeyType.USER)) {
      String seed = new String(wrong.seed());
      Path file = temp.resolve("wrong-seed.creds");
      String userJwt = operatorMode.userJwt(user, "mallory");
      Files.writeString(file, new String(Creds.format(userJwt, wrong.seed())));
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () -> Nats.connect(options(Credentials.credsFile(file)).build()));
      assertTrue(e.getMessage().contains("Authorization Violation"), e.getMessage());
      assertFalse(e.getMessage().contains(seed) || e.getMessage().contains(userJwt));
    }
  }

  @Test
  void expiredUserJwtIsRefused() {
    try (NKey user = NKey.create(KeyType.USER)) {
      String expired = operatorMode.userJwt(user, "late", Instant.now().minusSeconds(5));
      // known before any dial: the server would answer "Authorization Violation"
      CredentialsExpiredException e =
          assertThrows(
              CredentialsExpiredException.class,
              () -> Nats.connect(options(Credentials.jwt(expired, user::sign)).build()));
      assertTrue(e.getMessage().startsWith("user JWT expired at "), e.getMessage());
    }
  }

  @Test
  void jwtExpiringDuringTheSessionEndsItWithTheServersWords() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String shortLived = operatorMode.userJwt(user, "brief", Instant.now().plusSeconds(3));
      CompletableFuture<Throwable> ended = new CompletableFuture<>();
      Options options =
          options(Credentials.jwt(shortLived, user::sign))
              .connectionListener(
                  event -> {
                    if (event instanceof ConnectionEvent.Disconnected d) {
                      ended.complete(d.cause());
                    } else if (event instanceof ConnectionEvent.Closed c) {
                      ended.complete(c.cause());
                    }
                  })
              .build();
      try (Connection nc = Nats.connect(options)) {
        roundTrip(nc);
        Throwable cause = ended.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(cause instanceof AuthenticationException, String.valueOf(cause));
        assertTrue(cause.getMessage().contains("User Authentication Expired"), cause.getMessage());
      }
    }
  }

  @Test
  void missingCredsFileIsNamed() {
    Path missing = temp.resolve("no-such.creds");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Nats.connect(options(Credentials.credsFile(missing)).build()));
    assertEquals("creds file " + missing + ": no such file", e.getMessage());
  }

  @Test
  void rotatedCredsFileIsReadAgainOnTheNextConnect() throws Exception {
    try (NKey first = NKey.create(KeyType.USER);
        NKey second = NKey.create(KeyType.USER)) {
      Path file = temp.resolve("rotating.creds");
      writeCreds(file, first, "first");
      Options options = options(Credentials.credsFile(file)).build();
      try (Connection nc = Nats.connect(options)) {
        roundTrip(nc);
        assertTrue(connz().contains(first.publicKey()), "first user listed in /connz");
      }
      writeCreds(file, second, "second");
      try (Connection nc = Nats.connect(options)) {
        roundTrip(nc);
        String connz = connz();
        assertTrue(connz.contains(second.publicKey()), connz);
        assertFalse(connz.contains(first.publicKey()), connz);
      }
    }
  }

  @Test
  void credentialsSupplierIsCalledOnEveryConnectAttempt() throws Exception {
    try (NKey user = NKey.create(KeyType.USER);
        NKey stranger = NKey.create(KeyType.ACCOUNT);
        NatsServer second = NatsServer.start(server.config())) {
      char[] good = operatorMode.userCreds(user, "sup");
      // a user of an account the servers do not know: refused
      char[] bad = Creds.format(Jwt.user(user.publicKey(), "sup").sign(stranger), user.seed());
      AtomicInteger calls = new AtomicInteger();
      Options options =
          Options.builder()
              .server(server.clientUrl() + "," + second.clientUrl())
              .credentialsSupplier(
                  () -> Credentials.creds(calls.incrementAndGet() == 1 ? bad : good))
              .build();
      try (Connection nc = Nats.connect(options)) {
        roundTrip(nc);
        assertEquals(2, calls.get(), "asked once per server tried");
      }
    }
  }

  @Test
  void nkeyCredentialsAgainstServerWithoutNonceExplainWhy() {
    try (NKey user = NKey.create(KeyType.USER);
        NatsServer plain = NatsServer.start()) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () ->
                  Nats.connect(
                      Options.builder()
                          .server(plain.clientUrl())
                          .credentials(Credentials.nkeySeed(user.seed()))
                          .build()));
      assertTrue(e.getMessage().contains("did not send a nonce"), e.getMessage());
    }
  }

  @Test
  void wrongPasswordFailsWithTheServersWordsAndNotThePassword() {
    try (NatsServer users = NatsServer.start(ServerConfig.builder().user("ann", "right").build())) {
      AuthenticationException e =
          assertThrows(
              AuthenticationException.class,
              () ->
                  Nats.connect(
                      Options.builder()
                          .server(users.clientUrl())
                          .credentials(
                              Credentials.userPassword("ann", "wrong-pass-123".toCharArray()))
                          .build()));
      assertTrue(e.getMessage().contains("Authorization Violation"), e.getMessage());
      assertFalse(e.getMessage().contains("wrong-pass-123"), e.getMessage());
      try (Connection nc =
          Nats.connect(
              Options.builder()
                  .server(users.clientUrl())
                  .credentials(Credentials.userPassword("ann", "right".toCharArray()))
                  .build())) {
        roundTrip(nc);
      }
    }
  }

  private static Options.Builder options(Credentials credentials) {
    Options.Builder builder =
        Options.builder()
            .server(server.clientUrl())
            .reconnect(
                ReconnectOptions.builder()
                    .waitTime(Duration.ofMillis(50))
                    .jitter(Duration.ZERO, Duration.ZERO)
                    .build());
    return credentials == null ? builder : builder.credentials(credentials);
  }

  private static void writeCreds(Path file, NKey user, String name) throws IOException {
    char[] creds = operatorMode.userCreds(user, name);
    Path next = file.resolveSibling(file.getFileName() + ".next");
    Files.writeString(next, new String(creds));
    Files.move(
        next,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static String connz() {
    return server.monitor("/connz?auth=true");
  }

  private static void roundTrip(Connection nc) {
    Subscription sub = nc.subscribe("creds.check");
    nc.publish("creds.check", "hi");
    assertEquals("hi", sub.next(WAIT).dataAsString());
    sub.unsubscribe();
  }
}
