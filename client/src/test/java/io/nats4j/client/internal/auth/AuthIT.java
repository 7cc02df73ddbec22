package io.nats4j.client.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.nats4j.client.Credentials;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Each authentication method against the real nats-server, over a raw protocol handshake (the
 * connection core is tested end to end separately).
 */
class AuthIT {

  private static final String VIOLATION = "-ERR 'Authorization Violation'";

  @Test
  void userPasswordAcceptedAndWrongPasswordRejected() throws IOException {
    try (NatsServer server =
        NatsServer.start(ServerConfig.builder().user("alice", "wonderland").build())) {
      assertEquals("PONG", handshake(server, Credentials.userPassword("alice", pw("wonderland"))));
      assertEquals(VIOLATION, handshake(server, Credentials.userPassword("alice", pw("nope"))));
      assertEquals(VIOLATION, handshake(server, Credentials.userPassword("bob", pw("wonderland"))));
      assertEquals(VIOLATION, handshake(server, null));
    }
  }

  @Test
  void tokenAcceptedAndWrongTokenRejected() throws IOException {
    try (NatsServer server =
        NatsServer.start(ServerConfig.builder().token("s3cr3t-t0k3n").build())) {
      assertEquals("PONG", handshake(server, Credentials.token(pw("s3cr3t-t0k3n"))));
      assertEquals(VIOLATION, handshake(server, Credentials.token(pw("s3cr3t-t0k3x"))));
    }
  }

  @Test
  void nkeyUserAcceptedBySeedAndBySignerAndWrongSeedRejected() throws IOException {
    try (NKey user = NKey.create(KeyType.USER);
        NKey impostor = NKey.create(KeyType.USER);
        NatsServer server =
            NatsServer.start(ServerConfig.builder().nkeyUser(user.publicKey()).build())) {
      assertEquals("PONG", handshake(server, Credentials.nkeySeed(user.seed())));
      assertEquals("PONG", handshake(server, Credentials.nkey(user.publicKey(), user::sign)));
      // the impostor claims the user's public key but signs with its own seed
      assertEquals(
          VIOLATION, handshake(server, Credentials.nkey(user.publicKey(), impostor::sign)));
      // a valid seed of a user the server does not know
      assertEquals(VIOLATION, handshake(server, Credentials.nkeySeed(impostor.seed())));
    }
  }

  @Test
  void serverWithoutNkeyAuthSendsNoNonce() throws IOException {
    try (NatsServer server = NatsServer.start(ServerConfig.builder().user("a", "b").build());
        RawNatsHandshake raw = new RawNatsHandshake(server.host(), server.port())) {
      raw.readInfo();
      assertNull(raw.nonce(), "the nonce-required error path is exercised by AuthenticatorTest");
    }
  }

  /** Connects with these credentials and returns PONG or the server's -ERR line. */
  static String handshake(NatsServer server, Credentials credentials) throws IOException {
    try (RawNatsHandshake raw = new RawNatsHandshake(server.host(), server.port())) {
      raw.readInfo();
      AuthFields fields = Authenticator.fieldsFor(credentials, raw.nonce());
      if (credentials != null && fields.sig() != null) {
        assertNotNull(raw.nonce());
      }
      return raw.connect(fields, false);
    }
  }

  private static char[] pw(String text) {
    return text.toCharArray();
  }
}
