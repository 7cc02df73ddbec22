package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.internal.auth.Authenticator;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static final String JWT = "eyJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJzdWIiOiJVIn0.c2lnbmF0dXJl";

  @Test
  void toStringNeverShowsSecrets() {
    try (NKey user = NKey.create(KeyType.USER)) {
      String seed = new String(user.seed());
      char[] creds = Creds.format(JWT, user.seed());
      Credentials[] all = {
        Credentials.userPassword("alice", "hunter2-password".toCharArray()),
        Credentials.token("token-abcdef".toCharArray()),
        Credentials.nkeySeed(seed.toCharArray()),
        Credentials.nkey(user.publicKey(), user::sign),
        Credentials.jwt(JWT, user::sign),
        Credentials.credsFile(Path.of("/etc/nats/app.creds")),
        Credentials.creds(creds)
      };
      for (Credentials credentials : all) {
        String text = credentials.toString();
        for (String secret : new String[] {"hunter2", "token-abc", seed, JWT, "c2lnbmF0dXJl"}) {
          assertFalse(text.contains(secret), text);
        }
      }
      assertTrue(all[0].toString().contains("alice"));
      assertTrue(all[2].toString().contains(user.publicKey()), "public key helps debugging");
      assertTrue(all[5].toString().contains("/etc/nats/app.creds"));
    }
  }

  @Test
  void factoriesCopyTheirArrays() {
    char[] password = "pw".toCharArray();
    Credentials credentials = Credentials.userPassword("u", password);
    Arrays.fill(password, '\0');
    assertEquals("pw", Authenticator.fieldsFor(credentials, null).pass());

    char[] token = "tk".toCharArray();
    Credentials tokenCredentials = Credentials.token(token);
    Arrays.fill(token, '\0');
    assertEquals("tk", Authenticator.fieldsFor(tokenCredentials, null).authToken());
  }

  @Test
  void rejectsBadInputWithoutEchoingIt() {
    assertThrows(IllegalArgumentException.class, () -> Credentials.userPassword("", new char[1]));
    assertThrows(IllegalArgumentException.class, () -> Credentials.token(new char[0]));
    assertThrows(NullPointerException.class, () -> Credentials.credsFile(null));
    String notASeed = "SUNOTAVALIDSEEDATALLXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX";
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Credentials.nkeySeed(notASeed.toCharArray()));
    assertFalse(e.getMessage().contains(notASeed), e.getMessage());
    try (NKey account = NKey.create(KeyType.ACCOUNT)) {
      String accountSeed = new String(account.seed());
      var e2 =
          assertThrows(
              IllegalArgumentException.class,
              () -> Credentials.nkeySeed(accountSeed.toCharArray()));
      assertTrue(e2.getMessage().contains("user seed"), e2.getMessage());
      assertFalse(e2.getMessage().contains(accountSeed), e2.getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> Credentials.nkey(account.publicKey(), account::sign));
    }
    assertThrows(IllegalArgumentException.class, () -> Credentials.jwt("not-a-jwt", n -> n));
    String secretText = "-----BEGIN NATS USER JWT-----\nabc.def.ghi-secret\n";
    var e3 =
        assertThrows(
            IllegalArgumentException.class, () -> Credentials.creds(secretText.toCharArray()));
    assertFalse(e3.getMessage().contains("ghi-secret"), e3.getMessage());
  }
}
