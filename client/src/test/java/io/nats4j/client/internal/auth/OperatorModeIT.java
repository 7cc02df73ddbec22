package io.nats4j.client.internal.auth;

import static io.nats4j.client.internal.auth.AuthIT.handshake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Credentials;
import io.nats4j.client.OperatorFixture;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
  }

  @Test
  void credsFileOnDiskIsAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      Path file = temp.resolve("alice.creds");
      Files.writeString(file, new String(operatorMode.userCreds(user, "alice")));
      assertEquals("PONG", handshake(server, Credentials.credsFile(file)));
    }
  }

  @Test
  void credsInMemoryAndJwtWithSignerAreAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String userJwt = operatorMode.userJwt(user, "bob");
      assertEquals(
          "PONG", handshake(server, Credentials.creds(Creds.format(userJwt, user.seed()))));
      assertEquals("PONG", handshake(server, Credentials.jwt(userJwt, user::sign)));
    }
  }

  @Test
  void systemAccountUserIsAccepted() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String userJwt = Jwt.user(user.publicKey(), "admin").sign(operatorMode.systemAccount());
      assertEquals(
          "PONG", handshake(server, Credentials.creds(Creds.format(userJwt, user.seed()))));
    }
  }

  @Test
  void wrongSeedIsRejected() throws IOException {
    try (NKey user = NKey.create(KeyType.USER);
        NKey wrong = NKey.create(KeyType.USER)) {
      String userJwt = operatorMode.userJwt(user, "carol");
      Path file = temp.resolve("carol-wrong-seed.creds");
      Files.writeString(file, new String(Creds.format(userJwt, wrong.seed())));
      assertEquals(VIOLATION, handshake(server, Credentials.credsFile(file)));
      assertEquals(VIOLATION, handshake(server, Credentials.jwt(userJwt, wrong::sign)));
    }
  }

  @Test
  void expiredUserJwtIsRejected() throws IOException {
    try (NKey user = NKey.create(KeyType.USER)) {
      String expired = operatorMode.userJwt(user, "dave", Instant.now().minusSeconds(60));
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
