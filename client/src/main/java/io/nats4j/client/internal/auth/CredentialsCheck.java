package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import io.nats4j.client.CredentialsExpiredException;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.DecodedJwt;
import io.nats4j.nkeys.Jwt;
import java.time.Instant;

/**
 * What can be known about credentials without a server, checked before a connect attempt dials:
 * that a creds file can be read and parsed, and that a user JWT has not expired. A server would
 * refuse an expired JWT anyway, after a round trip and with fewer words.
 *
 * <p>Stateless and thread-safe.
 */
public final class CredentialsCheck {
  private CredentialsCheck() {}

  /**
   * Checks credentials before dialing.
   *
   * @param credentials the credentials of this attempt, or null for none
   * @param now the current time
   * @throws IllegalArgumentException if a creds file is missing, a directory, unreadable or
   *     malformed (the message names the file)
   * @throws CredentialsExpiredException if the user JWT's {@code exp} has passed
   */
  public static void beforeDial(Credentials credentials, Instant now) {
    if (credentials instanceof CredsFileCredentials c) {
      try (Creds creds = CredsFiles.read(c.file())) {
        checkExpiry(creds.jwt(), "user JWT in " + c.file(), now);
      }
    } else if (credentials instanceof CredsContentCredentials c) {
      char[] contents = c.contents();
      try (Creds creds = Creds.parse(contents)) {
        checkExpiry(creds.jwt(), "user JWT in the creds", now);
      } finally {
        Secrets.wipe(contents);
      }
    } else if (credentials instanceof JwtCredentials c) {
      checkExpiry(c.jwt(), "user JWT", now);
    }
  }

  private static void checkExpiry(String jwt, String what, Instant now) {
    DecodedJwt decoded;
    try {
      decoded = Jwt.decode(jwt);
    } catch (IllegalArgumentException e) {
      return; // not ours to judge: the server reads it and says what is wrong
    }
    Instant expires = decoded.expires();
    if (expires != null && !now.isBefore(expires)) {
      throw new CredentialsExpiredException(
          what
              + " expired at "
              + expires
              + ": the server refuses it; get new credentials (or give the connection a"
              + " credentials supplier that renews them)",
          expires);
    }
  }
}
