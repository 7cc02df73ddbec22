package io.nats4j.client.internal.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.Credentials;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {

  private static final String NONCE = "pLqYGJfeaCgaQpU";
  private static final String FAKE_JWT = "eyJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJzdWIiOiJVIn0.c2ln";

  @TempDir Path temp;

  @Test
  void noCredentialsGiveNoFields() {
    assertEquals(AuthFields.NONE, Authenticator.fieldsFor(null, NONCE));
  }

  @Test
  void userPasswordFields() {
    AuthFields fields =
        Authenticator.fieldsFor(Credentials.userPassword("alice", "s3cret".toCharArray()), null);
    assertEquals(new AuthFields("alice", "s3cret", null, null, null, null), fields);
  }

  @Test
  void tokenFields() {
    AuthFields fields = Authenticator.fieldsFor(Credentials.token("t0ken".toCharArray()), null);
    assertEquals(new AuthFields(null, null, "t0ken", null, null, null), fields);
  }

  @Test
  void nkeySeedSignsTheNonceVerifiably() {
    try (NKey user = NKey.create(KeyType.USER)) {
      AuthFields fields = Authenticator.fieldsFor(Credentials.nkeySeed(user.seed()), NONCE);
      assertEquals(user.publicKey(), fields.nkey());
      assertNull(fields.jwt());
      assertVerifies(user.publicKey(), fields.sig());
      assertFalse(fields.sig().contains("=") || fields.sig().contains("+"), fields.sig());
    }
  }

  @Test
  void nkeySignerIsCalledWithTheNonceBytes() {
    try (NKey user = NKey.create(KeyType.USER)) {
      AtomicReference<byte[]> seen = new AtomicReference<>();
      Credentials credentials =
          Credentials.nkey(
              user.publicKey(),
              nonce -> {
                seen.set(nonce);
                return user.sign(nonce);
              });
      AuthFields fields = Authenticator.fieldsFor(credentials, NONCE);
      assertArrayEquals(NONCE.getBytes(StandardCharsets.US_ASCII), seen.get());
      assertEquals(user.publicKey(), fields.nkey());
      assertVerifies(user.publicKey(), fields.sig());
    }
  }

  @Test
  void jwtWithSignerSendsJwtAndSignature() {
    try (NKey user = NKey.create(KeyType.USER)) {
      AuthFields fields = Authenticator.fieldsFor(Credentials.jwt(FAKE_JWT, user::sign), NONCE);
      assertEquals(FAKE_JWT, fields.jwt());
      assertNull(fields.nkey());
      assertVerifies(user.publicKey(), fields.sig());
    }
  }

  @Test
  void signerReturningGarbageIsReported() {
    try (NKey user = NKey.create(KeyType.USER)) {
      var e =
          assertThrows(
              AuthenticationException.class,
              () ->
                  Authenticator.fieldsFor(
                      Credentials.nkey(user.publicKey(), nonce -> new byte[3]), NONCE));
      assertTrue(e.getMessage().contains("64-byte"), e.getMessage());
    }
  }

  @Test
  void credsInMemoryAndOnDiskGiveJwtAndVerifiableSignature() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      char[] text = Creds.format(FAKE_JWT, user.seed());
      Path file = temp.resolve("user.creds");
      Files.writeString(file, new String(text));
      for (Credentials credentials :
          new Credentials[] {Credentials.creds(text), Credentials.credsFile(file)}) {
        AuthFields fields = Authenticator.fieldsFor(credentials, NONCE);
        assertEquals(FAKE_JWT, fields.jwt());
        assertVerifies(user.publicKey(), fields.sig());
        assertFalse(fields.toString().contains(FAKE_JWT), fields.toString());
      }
    }
  }

  @Test
  void credsFileIsReadAgainOnEveryCall() throws Exception {
    Path file = temp.resolve("rotating.creds");
    Credentials credentials = Credentials.credsFile(file);
    try (NKey first = NKey.create(KeyType.USER);
        NKey second = NKey.create(KeyType.USER)) {
      Files.writeString(file, new String(Creds.format(FAKE_JWT, first.seed())));
      assertVerifies(first.publicKey(), Authenticator.fieldsFor(credentials, NONCE).sig());
      Files.writeString(file, new String(Creds.format(FAKE_JWT, second.seed())));
      assertVerifies(second.publicKey(), Authenticator.fieldsFor(credentials, NONCE).sig());
    }
  }

  @Test
  void missingCredsFileNamesThePath() {
    Path missing = temp.resolve("missing.creds");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Authenticator.fieldsFor(Credentials.credsFile(missing), NONCE));
    assertEquals("creds file " + missing + ": no such file", e.getMessage());
  }

  @Test
  void malformedCredsFileNamesPathButNotContent() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String seed = new String(user.seed());
      Path file = temp.resolve("bad.creds");
      // a seed block without a JWT block
      Files.writeString(
          file, "-----BEGIN USER NKEY SEED-----\n" + seed + "\n------END USER NKEY SEED------\n");
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Authenticator.fieldsFor(Credentials.credsFile(file), NONCE));
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      assertFalse(e.getMessage().contains(seed), e.getMessage());
      assertFalse(String.valueOf(e.getCause()).contains(seed));
    }
  }

  @Test
  void keyBasedAuthWithoutNonceExplainsWhy() {
    try (NKey user = NKey.create(KeyType.USER)) {
      for (Credentials credentials :
          new Credentials[] {
            Credentials.nkeySeed(user.seed()),
            Credentials.nkey(user.publicKey(), user::sign),
            Credentials.jwt(FAKE_JWT, user::sign),
            Credentials.creds(Creds.format(FAKE_JWT, user.seed())),
            Credentials.credsFile(temp.resolve("never-read.creds"))
          }) {
        var e =
            assertThrows(
                AuthenticationException.class, () -> Authenticator.fieldsFor(credentials, null));
        assertEquals(
            "server did not send a nonce: is nkey auth configured on the server?", e.getMessage());
      }
    }
  }

  @Test
  void connectFieldsNeverCarrySeedsKeyMaterialOrPaths() throws Exception {
    try (NKey user = NKey.create(KeyType.USER)) {
      String seed = new String(user.seed());
      char[] credsText = Creds.format(FAKE_JWT, user.seed());
      Path file = temp.resolve("secret-location.creds");
      Files.writeString(file, new String(credsText));
      for (Credentials credentials :
          new Credentials[] {
            Credentials.nkeySeed(seed.toCharArray()),
            Credentials.creds(credsText),
            Credentials.credsFile(file)
          }) {
        AuthFields fields = Authenticator.fieldsFor(credentials, NONCE);
        String json = RawNatsHandshake.connectJson(fields, false);
        assertFalse(json.contains(seed), json);
        assertFalse(json.contains(seed.substring(2, 20)), "no part of the seed");
        assertFalse(json.contains("secret-location") || json.contains(temp.toString()), json);
        assertFalse(json.contains("NKEY SEED") || json.contains("BEGIN"), json);
      }
    }
  }

  @Test
  void authFieldsToStringRedactsSecrets() {
    String text = new AuthFields("alice", "pw-1", "tok-2", "UKEY", "jwt-3", "sig-4").toString();
    assertTrue(text.contains("alice") && text.contains("UKEY"), text);
    for (String secret : new String[] {"pw-1", "tok-2", "jwt-3", "sig-4"}) {
      assertFalse(text.contains(secret), text);
    }
  }

  private static void assertVerifies(String publicKey, String sig) {
    byte[] signature = Base64.getUrlDecoder().decode(sig);
    try (NKey verifier = NKey.fromPublicKey(publicKey)) {
      assertTrue(
          verifier.verify(NONCE.getBytes(StandardCharsets.US_ASCII), signature),
          "signature verifies with " + publicKey);
    }
  }
}
