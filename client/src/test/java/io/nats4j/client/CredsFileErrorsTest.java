package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.Jwt;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A creds file problem is a local problem: {@link Nats#connect} throws one documented exception for
 * it, naming the file and what is wrong, before anything is dialed.
 */
class CredsFileErrorsTest {
  @TempDir Path dir;

  private final AtomicInteger dials = new AtomicInteger();

  private Options options(Path creds) {
    return Options.builder()
        .server("nats://127.0.0.1:4222")
        .dialer(
            (host, port, timeout) -> {
              dials.incrementAndGet();
              throw new IOException("the test dialer dials nothing");
            })
        .credentials(Credentials.credsFile(creds))
        .build();
  }

  private IllegalArgumentException connectFails(Path creds) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nats.connect(options(creds)));
    assertEquals(0, dials.get(), "dialed although the creds file is unusable");
    assertTrue(e.getMessage().startsWith("creds file " + creds + ": "), e.getMessage());
    return e;
  }

  @Test
  void aMissingFileSaysNoSuchFile() {
    Path missing = dir.resolve("missing.creds");
    assertEquals("creds file " + missing + ": no such file", connectFails(missing).getMessage());
  }

  @Test
  void aDirectorySaysItIsADirectory() {
    assertTrue(connectFails(dir).getMessage().contains("is a directory"));
  }

  @Test
  void aBadSeedIsNamedWithoutEchoingTheFile() throws IOException {
    try (NKey account = NKey.create(KeyType.ACCOUNT);
        NKey user = NKey.create(KeyType.USER)) {
      String jwt = Jwt.user(user.publicKey(), "u").sign(account);
      String text = new String(Creds.format(jwt, user.seed()));
      String seed = new String(user.seed());
      String broken = text.replace(seed, seed.substring(0, seed.length() - 2) + "AA");
      Path file = Files.writeString(dir.resolve("bad-seed.creds"), broken);

      String message = connectFails(file).getMessage();

      assertTrue(message.toLowerCase().contains("seed"), message);
      assertFalse(message.contains(jwt), message);
      assertFalse(message.contains(seed.substring(4, 20)), message);
    }
  }

  @Test
  void anExpiredUserJwtIsSaidAtOnceWithTheFileAndTheTime() throws IOException {
    Instant expired = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    try (NKey account = NKey.create(KeyType.ACCOUNT);
        NKey user = NKey.create(KeyType.USER)) {
      String jwt = Jwt.user(user.publicKey(), "u").expires(expired).sign(account);
      Path file = dir.resolve("expired.creds");
      Files.write(
          file, new String(Creds.format(jwt, user.seed())).getBytes(StandardCharsets.UTF_8));

      CredentialsExpiredException e =
          assertThrows(CredentialsExpiredException.class, () -> Nats.connect(options(file)));

      assertEquals(0, dials.get(), "dialed with credentials known to be expired");
      assertTrue(
          e.getMessage().startsWith("user JWT in " + file + " expired at " + expired),
          e.getMessage());
      assertEquals(expired, e.expiredAt());
    }
  }
}
