package io.nats4j.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real nats-server accepts keys, nonce signatures and JWTs made by this module: operator mode
 * with JWTs issued here (identity and signing keys, creds round trip, JetStream enabled by the
 * account limits) and a configured nkey user; wrong seeds and expired JWTs are refused.
 */
class ServerAuthenticationIT {
  private static final String VIOLATION = "-ERR 'Authorization Violation'";
  private static final NKey OPERATOR = NKey.create(KeyType.OPERATOR);
  private static final NKey SYSTEM = NKey.create(KeyType.ACCOUNT);
  private static final NKey ACCOUNT = NKey.create(KeyType.ACCOUNT);
  private static final NKey ACCOUNT_SIGNING = NKey.create(KeyType.ACCOUNT);
  private static NatsServer server;

  @BeforeAll
  static void startOperatorModeServer() {
    String operatorJwt = Jwt.operator("nats4j-op").systemAccount(SYSTEM.publicKey()).sign(OPERATOR);
    String systemJwt = Jwt.account(SYSTEM.publicKey(), "SYS").sign(OPERATOR);
    String accountJwt =
        Jwt.account(ACCOUNT.publicKey(), "APP")
            .signingKeys(ACCOUNT_SIGNING.publicKey())
            .jetStreamUnlimited()
            .sign(OPERATOR);
    server =
        NatsServer.start(
            ServerConfig.builder()
                .jetStream()
                .operator(
                    operatorJwt,
                    SYSTEM.publicKey(),
                    Map.of(SYSTEM.publicKey(), systemJwt, ACCOUNT.publicKey(), accountJwt))
                .build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    for (NKey key : new NKey[] {OPERATOR, SYSTEM, ACCOUNT, ACCOUNT_SIGNING}) {
      key.close();
    }
  }

  @Test
  void acceptsAUserJwtSignedByTheAccount() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String jwt = Jwt.user(user.publicKey(), "alice").sign(ACCOUNT);
      assertEquals("PONG", answerToJwt(jwt, user));
    }
  }

  @Test
  void acceptsAUserJwtSignedByAnAccountSigningKeyViaACredsFile() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String jwt =
          Jwt.user(user.publicKey(), "bob")
              .issuerAccount(ACCOUNT.publicKey())
              .publishAllow("$JS.API.>")
              .subscribeAllow("_INBOX.>")
              .sign(ACCOUNT_SIGNING);
      char[] credsText = Creds.format(jwt, user.seed());
      try (Creds creds = Creds.parse(credsText);
          RawConnection connection = connect()) {
        String answer =
            connection.connect(jwtConnect(creds.jwt(), creds.userKey(), connection.nonce()));
        assertEquals("PONG", answer);
        // JetStream is enabled for the account by the limits in its JWT.
        connection.send("SUB _INBOX.js 1\r\nPUB $JS.API.INFO _INBOX.js 0\r\n\r\n");
        String msg = connection.awaitLine("MSG _INBOX.js", "-ERR");
        assertTrue(msg.startsWith("MSG _INBOX.js 1 "), msg);
        String body = connection.readLine();
        assertTrue(
            body.contains("\"type\":\"io.nats.jetstream.api.v1.account_info_response\""), body);
        assertTrue(!body.contains("\"error\""), body);
        // The user's permissions from the JWT are enforced.
        connection.send("PUB not.allowed 0\r\n\r\n");
        String violation = connection.awaitLine("-ERR");
        assertTrue(
            violation.contains("Permissions Violation for Publish to \"not.allowed\""), violation);
      }
    }
  }

  @Test
  void refusesANonceSignedWithTheWrongSeed() throws Exception {
    try (NKey user = NKey.create(KeyType.USER);
        NKey impostor = NKey.create(KeyType.USER)) {
      String jwt = Jwt.user(user.publicKey(), "carol").sign(ACCOUNT);
      assertEquals(VIOLATION, answerToJwt(jwt, impostor));
    }
  }

  @Test
  void refusesAnExpiredUserJwt() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String jwt =
          Jwt.user(user.publicKey(), "dave").expires(Instant.now().minusSeconds(60)).sign(ACCOUNT);
      assertEquals(VIOLATION, answerToJwt(jwt, user));
    }
  }

  @Test
  void refusesAUserJwtOfAnUnknownAccount() throws Exception {
    try (NKey user = NKey.create(KeyType.USER);
        NKey stranger = NKey.create(KeyType.ACCOUNT)) {
      String jwt = Jwt.user(user.publicKey(), "eve").sign(stranger);
      assertEquals(VIOLATION, answerToJwt(jwt, user));
    }
  }

  @Test
  void nkeyUserIsAcceptedWithItsSeedAndRefusedWithAnother() throws Exception {
    try (NKey user = NKey.create(KeyType.USER);
        NKey impostor = NKey.create(KeyType.USER);
        NatsServer nkeyServer =
            NatsServer.start(ServerConfig.builder().nkeyUser(user.publicKey()).build())) {
      try (RawConnection connection = new RawConnection(nkeyServer.host(), nkeyServer.port())) {
        assertNotNull(connection.nonce(), "server sends a nonce when nkey users are configured");
        assertEquals(
            "PONG", connection.connect(nkeyConnect(user.publicKey(), user, connection.nonce())));
      }
      try (RawConnection connection = new RawConnection(nkeyServer.host(), nkeyServer.port())) {
        assertEquals(
            VIOLATION,
            connection.connect(nkeyConnect(user.publicKey(), impostor, connection.nonce())));
      }
    }
  }

  private static RawConnection connect() throws Exception {
    return new RawConnection(server.host(), server.port());
  }

  /**
   * The operator-mode server's answer to a CONNECT with {@code jwt} and a nonce signed by {@code
   * signer}.
   */
  private static String answerToJwt(String jwt, NKey signer) throws Exception {
    try (RawConnection connection = connect()) {
      return connection.connect(jwtConnect(jwt, signer, connection.nonce()));
    }
  }

  private static String jwtConnect(String jwt, NKey signer, String nonce) {
    assertNotNull(nonce, "operator mode sends a nonce");
    return signedConnect("jwt", jwt, signer, nonce);
  }

  private static String nkeyConnect(String publicKey, NKey signer, String nonce) {
    return signedConnect("nkey", publicKey, signer, nonce);
  }

  private static String signedConnect(String field, String value, NKey signer, String nonce) {
    return "{\"verbose\":false,\"pedantic\":false,\""
        + field
        + "\":\""
        + value
        + "\",\"sig\":\""
        + Nonces.sign(signer, nonce.getBytes(StandardCharsets.US_ASCII))
        + "\",\"protocol\":1}";
  }
}
