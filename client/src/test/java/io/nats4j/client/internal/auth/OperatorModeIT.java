package io.nats4j.client.internal.auth;

import static io.nats4j.client.internal.auth.AuthIT.handshake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Credentials;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator mode with JWTs issued by the nkeys module (operator, then system and application
 * accounts, then users), authenticated with creds files on disk and in memory.
 */
class OperatorModeIT {

  private static final String VIOLATION = "-ERR 'Authorization Violation'";

  private static NKey operator;
  private static NKey systemAccount;
  private static NKey appAccount;
  private static NatsServer server;

  @TempDir static Path temp;

  @BeforeAll
  static void startOperatorModeServer() {
    operator = NKey.create(KeyType.OPERATOR);
    systemAccount = NKey.create(KeyType.ACCOUNT);
    appAccount = NKey.create(KeyType.ACCOUNT);
    String operatorJwt =
        Jwt.operator("nats4j-test-operator")
            .systemAccount(systemAccount.publicKey())
            .sign(operator);
    String systemJwt = Jwt.account(systemAccount.publicKey(), "SYS").sign(operator);
    String appJwt = Jwt.account(appAccount.publicKey(), "APP").sign(operator);
    server =
        NatsServer.start(
            ServerConfig.builder()
                .operator(
                    operatorJwt,
                    systemAccount.publicKey(),
                    Map.of(systemAccount.publicKey(), systemJwt, appAccount.publicKey(), appJwt))
                .build());
  }

  @AfterAll
  static void stop() {
    server.close();
    operator.close();
    systemAccount.close();
    appAccount.close();
  }

  @Test
  void credsFileOnDiskIsAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "alice").sign(appAccount);
      Path file = temp.resolve("alice.creds");
      Files.writeString(file, new String(Creds.format(userJwt, user.seed())));
      assertEquals("PONG", handshake(server, Credentials.credsFile(file)));
    }
  }

  @Test
  void credsInMemoryAndJwtWithSignerAreAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "bob").sign(appAccount);
      assertEquals(
          "PONG", handshake(server, Credentials.creds(Creds.format(userJwt, user.seed()))));
      assertEquals("PONG", handshake(server, Credentials.jwt(userJwt, user::sign)));
    }
  }

  @Test
  void systemAccountUserIsAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "admin").sign(systemAccount);
      assertEquals(
          "PONG", handshake(server, Credentials.creds(Creds.format(userJwt, user.seed()))));
    }
  }

  @Test
  void wrongSeedIsRejected() throws IOException {
    try (NKey user = NKey.create(KeyType.USER);
        NKey wrong = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "carol").sign(appAccount);
      Path file = temp.resolve("carol-wrong-seed.creds");
      Files.writeString(file, new String(Creds.format(userJwt, wrong.seed())));
      assertEquals(VIOLATION, handshake(server, Credentials.credsFile(file)));
      assertEquals(VIOLATION, handshake(server, Credentials.jwt(userJwt, wrong::sign)));
    }
  }

  @Test
  void expiredUserJwtIsRejected() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String expired =
          Jwt.user(user.publicKey(), "dave")
              .expires(Instant.now().minusSeconds(60))
              .sign(appAccount);
      String answer = handshake(server, Credentials.creds(Creds.format(expired, user.seed())));
      assertTrue(answer.startsWith("-ERR"), answer);
    }
  }

  @Test
  void userOfAnUnknownAccountIsRejected() throws IOException {
    try (NKey stranger = NKey.create(KeyType.ACCOUNT);
        NKey user = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "eve").sign(stranger);
      assertEquals(
          VIOLATION, handshake(server, Credentials.creds(Creds.format(userJwt, user.seed()))));
    }
  }
}
