package io.nats4j.nkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class JwtTest {
  private static final Map<String, Object> GO_JWTS = Vectors.section("jwt");
  private static final NKey OPERATOR = seedKey(KeyType.OPERATOR);
  private static final NKey ACCOUNT = seedKey(KeyType.ACCOUNT);
  private static final NKey USER = seedKey(KeyType.USER);

  private static NKey seedKey(KeyType type) {
    return NKey.fromSeed(((String) Vectors.key(type).get("seed")).toCharArray());
  }

  @AfterAll
  static void wipe() {
    OPERATOR.close();
    ACCOUNT.close();
    USER.close();
  }

  @Test
  void verifiesAndDecodesJwtsIssuedByGo() {
    DecodedJwt operator = Jwt.verify((String) GO_JWTS.get("operator"));
    assertEquals("operator", operator.claimType());
    assertEquals(OPERATOR.publicKey(), operator.issuer());
    assertEquals(OPERATOR.publicKey(), operator.subject());
    assertEquals(ACCOUNT.publicKey(), operator.nats().get("system_account"));

    DecodedJwt account = Jwt.verify((String) GO_JWTS.get("account"));
    assertEquals("account", account.claimType());
    assertEquals(ACCOUNT.publicKey(), account.subject());
    @SuppressWarnings("unchecked")
    Map<String, Object> limits = (Map<String, Object>) account.nats().get("limits");
    assertEquals(-1L, limits.get("mem_storage"));

    DecodedJwt user = Jwt.verify((String) GO_JWTS.get("user"));
    assertEquals("user", user.claimType());
    assertEquals(2, user.version());
    assertEquals("go-user <&>", user.name());
    assertEquals(USER.publicKey(), user.subject());
    assertEquals(ACCOUNT.publicKey(), user.issuer());
    assertEquals(Instant.ofEpochSecond(4102444800L), user.expires());
    assertEquals(
        Map.of("allow", List.of("foo.>", "bar"), "deny", List.of("foo.secret")),
        user.nats().get("pub"));
    assertEquals(1024L, user.nats().get("payload"));
    assertEquals(user.id(), recomputedJti(user), "jti = base32(SHA-512/256(standard claims))");
    assertEquals(
        "DecodedJwt[user, sub=" + USER.publicKey() + ", iss=" + ACCOUNT.publicKey() + "]",
        user.toString());
  }

  @Test
  void issuesJwtsByteForByteAsGoDoes() {
    String goOperator = (String) GO_JWTS.get("operator");
    String goAccount = (String) GO_JWTS.get("account");
    String goUser = (String) GO_JWTS.get("user");
    Instant iat = Jwt.decode(goUser).issuedAt();

    assertEquals(
        goOperator,
        Jwt.operator("go-operator")
            .systemAccount(ACCOUNT.publicKey())
            .issuedAt(Jwt.decode(goOperator).issuedAt())
            .sign(OPERATOR));
    assertEquals(
        goAccount,
        Jwt.account(ACCOUNT.publicKey(), "go-account")
            .jetStream(-1, -1, 0, 0)
            .issuedAt(Jwt.decode(goAccount).issuedAt())
            .sign(OPERATOR));
    assertEquals(
        goUser,
        Jwt.user(USER.publicKey(), "go-user <&>")
            .expires(Instant.ofEpochSecond(4102444800L))
            .publishAllow("foo.>", "bar")
            .publishDeny("foo.secret")
            .subscribeAllow("_INBOX.>")
            .payload(1024)
            .issuedAt(iat)
            .sign(ACCOUNT));
  }

  @Test
  void issuedJwtsVerifyWithAllTheirClaims() {
    try (NKey signingKey = NKey.create(KeyType.ACCOUNT);
        NKey opSigning = NKey.create(KeyType.OPERATOR)) {
      String operatorJwt =
          Jwt.operator("op")
              .signingKeys(opSigning.publicKey())
              .systemAccount(ACCOUNT.publicKey())
              .operatorServiceUrls("nats://localhost:4222")
              .tags("a", "b")
              .sign(OPERATOR);
      DecodedJwt operator = Jwt.verify(operatorJwt);
      assertEquals(List.of(opSigning.publicKey()), operator.signingKeys());
      assertEquals(List.of("a", "b"), operator.nats().get("tags"));
      assertEquals(2L, operator.nats().get("version"));

      String accountJwt =
          Jwt.account(ACCOUNT.publicKey(), "acc")
              .signingKeys(signingKey.publicKey())
              .connections(10)
              .jetStreamUnlimited()
              .sign(opSigning);
      DecodedJwt account = Jwt.verify(accountJwt);
      assertEquals(opSigning.publicKey(), account.issuer());
      assertEquals(List.of(signingKey.publicKey()), account.signingKeys());
      @SuppressWarnings("unchecked")
      Map<String, Object> limits = (Map<String, Object>) account.nats().get("limits");
      assertEquals(10L, limits.get("conn"));
      assertEquals(-1L, limits.get("disk_storage"));
      assertEquals(-1L, limits.get("streams"));

      Instant now = Instant.now();
      String userJwt =
          Jwt.user(USER.publicKey(), "alice")
              .issuerAccount(ACCOUNT.publicKey())
              .subscribeAllow("_INBOX.>")
              .subscribeDeny("secret.>")
              .allowResponses(1, Duration.ofSeconds(2))
              .subscriptions(5)
              .allowedConnectionTypes("STANDARD")
              .expires(now.plusSeconds(60))
              .sign(signingKey);
      DecodedJwt user = Jwt.verify(userJwt, now);
      assertEquals(signingKey.publicKey(), user.issuer());
      assertEquals(ACCOUNT.publicKey(), user.issuerAccount());
      assertEquals(5L, user.nats().get("subs"));
      assertEquals(-1L, user.nats().get("data"));
      assertNull(user.nats().get("bearer_token"), "bearer_token false is omitted as in Go");
      assertEquals(Map.of("max", 1L, "ttl", 2_000_000_000L), user.nats().get("resp"));
      assertEquals(user.id(), recomputedJti(user));
      assertEquals(now.getEpochSecond() + 60, user.expires().getEpochSecond());
      assertThrows(IllegalArgumentException.class, () -> Jwt.verify(userJwt, now.plusSeconds(61)));
    }
  }

  @Test
  void tamperedJwtsAreRejected() {
    String jwt = Jwt.user(USER.publicKey(), "bob").publishAllow("ok").sign(ACCOUNT);
    String[] parts = jwt.split("\\.");
    String forgedClaims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"ok\"", "\">\"");
    String forged = parts[0] + "." + b64(forgedClaims) + "." + parts[2];
    assertThrows(IllegalArgumentException.class, () -> Jwt.verify(forged), "changed claims");
    Jwt.decode(forged); // still well-formed: only verify notices

    char[] sig = parts[2].toCharArray();
    sig[10] = sig[10] == 'A' ? 'B' : 'A';
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Jwt.verify(parts[0] + "." + parts[1] + "." + new String(sig)));
    assertEquals("JWT signature does not verify with its iss key", e.getMessage());

    String otherSignature = Jwt.user(USER.publicKey(), "eve").sign(ACCOUNT).split("\\.")[2];
    assertThrows(
        IllegalArgumentException.class,
        () -> Jwt.verify(parts[0] + "." + parts[1] + "." + otherSignature));

    assertMalformed(parts[0] + "." + parts[1], "JWT must have three dot-separated parts");
    assertMalformed(jwt + ".x", "JWT must have three dot-separated parts");
    assertMalformed(
        parts[0] + "=." + parts[1] + "." + parts[2],
        "JWT header is not base64url without padding (bad character at " + parts[0].length() + ")");
    assertMalformed(
        b64("{\"typ\":\"JWS\",\"alg\":\"ed25519-nkey\"}") + "." + parts[1] + "." + parts[2],
        "JWT header typ must be \"JWT\"");
    assertMalformed(
        b64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}") + "." + parts[1] + "." + parts[2],
        "JWT header alg must be \"ed25519-nkey\" (or \"ed25519\" for version 1)");
    assertMalformed(
        parts[0] + "." + b64("[1]") + "." + parts[2],
        "JWT payload is not a JSON object: invalid JSON: expected a JSON object at offset 0");
    assertMalformed(
        parts[0] + "." + parts[1] + "." + parts[2].substring(4),
        "JWT signature must be 64 bytes, got 61");
    assertMalformed("", "JWT is empty");
  }

  @Test
  void issuerMustHaveTheRightKeyType() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Jwt.user(USER.publicKey(), "x").sign(OPERATOR));
    assertEquals("user JWTs must be signed by an account key, got OPERATOR key", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> Jwt.account(ACCOUNT.publicKey(), "x").sign(ACCOUNT));
    assertThrows(IllegalArgumentException.class, () -> Jwt.user(ACCOUNT.publicKey(), "x"));
    assertThrows(IllegalArgumentException.class, () -> Jwt.account(USER.publicKey(), "x"));
    assertThrows(
        IllegalArgumentException.class, () -> Jwt.operator("x").systemAccount(USER.publicKey()));

    // A hand-made user JWT signed (validly) by a user key is refused by verify.
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", USER.publicKey());
    claims.put("sub", USER.publicKey());
    claims.put("nats", Map.of("type", "user", "version", 2));
    String signingInput =
        b64("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}") + "." + b64(Json.write(claims));
    String jwt =
        signingInput
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(USER.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    e = assertThrows(IllegalArgumentException.class, () -> Jwt.verify(jwt));
    assertEquals("a user JWT cannot be issued by a user key", e.getMessage());
  }

  @Test
  void acceptsVersionOneJwtsSignedOverThePayloadOnly() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ACCOUNT.publicKey());
    claims.put("sub", USER.publicKey());
    claims.put("type", "user");
    String payload = b64(Json.write(claims));
    String header = b64("{\"typ\":\"jwt\",\"alg\":\"ed25519\"}");
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(ACCOUNT.sign(payload.getBytes(StandardCharsets.US_ASCII)));
    DecodedJwt decoded = Jwt.verify(header + "." + payload + "." + signature);
    assertEquals(1, decoded.version());
    assertEquals("user", decoded.claimType());
    String wrong =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ACCOUNT.sign((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    assertThrows(
        IllegalArgumentException.class, () -> Jwt.verify(header + "." + payload + "." + wrong));
  }

  @Test
  void errorsNeverQuoteTheToken() {
    String jwt = Jwt.user(USER.publicKey(), "secret-name").sign(ACCOUNT);
    String broken = jwt.substring(0, jwt.length() - 3) + "!!!";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Jwt.verify(broken));
    assertFalse(e.getMessage().contains(jwt.substring(0, 20)));
    assertFalse(e.getMessage().contains("secret-name"));
  }

  private static void assertMalformed(String jwt, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Jwt.decode(jwt));
    assertEquals(message, e.getMessage());
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String recomputedJti(DecodedJwt jwt) {
    Map<String, Object> standard = new LinkedHashMap<>();
    for (String key : List.of("aud", "exp", "iat", "iss", "name", "nbf", "sub")) {
      if (jwt.claims().containsKey(key)) {
        standard.put(key, jwt.claims().get(key));
      }
    }
    return ClaimsBuilder.jti(standard);
  }

  @Test
  void decodedMapsAreReadOnly() {
    DecodedJwt user = Jwt.decode((String) GO_JWTS.get("user"));
    assertThrows(UnsupportedOperationException.class, () -> user.claims().put("x", 1));
    assertTrue(user.header().containsKey("alg"));
  }
}
