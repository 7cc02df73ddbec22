package io.nats4j.client.internal.auth;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.Credentials;
import io.nats4j.client.NonceSigner;
import io.nats4j.nkeys.Creds;
import io.nats4j.nkeys.NKey;
import io.nats4j.nkeys.Nonces;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns {@link Credentials} and the server's INFO nonce into the CONNECT authentication fields:
 * reads creds files (again on every call, so rotated files are picked up), signs the nonce
 * (Ed25519, base64url without padding, as the server verifies it) and wipes every temporary secret
 * array it made.
 *
 * <p>Stateless and thread-safe. Called once per connect attempt, on the connecting thread.
 */
public final class Authenticator {

  static final String NO_NONCE =
      "server did not send a nonce: is nkey auth configured on the server?";

  private static final Base64.Encoder SIGNATURE_ENCODING = Base64.getUrlEncoder().withoutPadding();

  private Authenticator() {}

  /**
   * Computes the CONNECT fields for one connect attempt.
   *
   * @param credentials what to authenticate with, or null for none
   * @param nonce the nonce from the server's INFO, or null if it sent none
   * @return the fields to put in CONNECT
   * @throws AuthenticationException if NKey/JWT/creds authentication meets a server without nonce,
   *     or a signer fails
   * @throws IllegalArgumentException if a creds file is missing, a directory, unreadable or
   *     malformed (the message names the path, never the content)
   */
  public static AuthFields fieldsFor(Credentials credentials, String nonce) {
    if (credentials == null) {
      return AuthFields.NONE;
    }
    if (credentials instanceof UserPasswordCredentials c) {
      char[] password = c.password();
      try {
        return new AuthFields(c.user(), new String(password), null, null, null, null);
      } finally {
        Secrets.wipe(password);
      }
    }
    if (credentials instanceof TokenCredentials c) {
      char[] token = c.token();
      try {
        return new AuthFields(null, null, new String(token), null, null, null);
      } finally {
        Secrets.wipe(token);
      }
    }
    if (credentials instanceof NKeySeedCredentials c) {
      byte[] nonceBytes = requireNonce(nonce);
      char[] seed = c.seed();
      try (NKey key = NKey.fromSeed(seed)) {
        return new AuthFields(
            null, null, null, key.publicKey(), null, Nonces.sign(key, nonceBytes));
      } finally {
        Secrets.wipe(seed);
      }
    }
    if (credentials instanceof NKeySignerCredentials c) {
      String sig = sign(c.signer(), requireNonce(nonce));
      return new AuthFields(null, null, null, c.publicKey(), null, sig);
    }
    if (credentials instanceof JwtCredentials c) {
      String sig = sign(c.signer(), requireNonce(nonce));
      return new AuthFields(null, null, null, null, c.jwt(), sig);
    }
    if (credentials instanceof CredsFileCredentials c) {
      byte[] nonceBytes = requireNonce(nonce);
      try (Creds creds = CredsFiles.read(c.file())) {
        return fromCreds(creds, nonceBytes);
      }
    }
    if (credentials instanceof CredsContentCredentials c) {
      byte[] nonceBytes = requireNonce(nonce);
      char[] contents = c.contents();
      try (Creds creds = Creds.parse(contents)) {
        return fromCreds(creds, nonceBytes);
      } finally {
        Secrets.wipe(contents);
      }
    }
    throw new IllegalStateException("unknown credentials kind " + credentials.getClass());
  }

  /**
   * Returns the user JWT the credentials carry, for the WebSocket cookie-JWT mode (sent before the
   * server's nonce is known).
   *
   * @param credentials the credentials, or null
   * @return the JWT of JWT, creds-file and creds-content credentials; null for other kinds
   */
  public static String jwtOf(Credentials credentials) {
    if (credentials instanceof JwtCredentials c) {
      return c.jwt();
    }
    if (credentials instanceof CredsFileCredentials c) {
      try (Creds creds = CredsFiles.read(c.file())) {
        return creds.jwt();
      }
    }
    if (credentials instanceof CredsContentCredentials c) {
      char[] contents = c.contents();
      try (Creds creds = Creds.parse(contents)) {
        return creds.jwt();
      } finally {
        Secrets.wipe(contents);
      }
    }
    return null;
  }

  private static AuthFields fromCreds(Creds creds, byte[] nonce) {
    return new AuthFields(null, null, null, null, creds.jwt(), Nonces.sign(creds.userKey(), nonce));
  }

  private static String sign(NonceSigner signer, byte[] nonce) {
    byte[] signature;
    try {
      signature = signer.sign(nonce);
    } catch (RuntimeException e) {
      throw new AuthenticationException(
          "the NonceSigner failed to sign the server nonce: " + e.getClass().getName(), e);
    }
    if (signature == null || signature.length != 64) {
      throw new AuthenticationException(
          "the NonceSigner must return a 64-byte Ed25519 signature, returned "
              + (signature == null ? "null" : signature.length + " bytes"));
    }
    return SIGNATURE_ENCODING.encodeToString(signature);
  }

  private static byte[] requireNonce(String nonce) {
    if (nonce == null || nonce.isEmpty()) {
      throw new AuthenticationException(NO_NONCE);
    }
    return nonce.getBytes(StandardCharsets.US_ASCII);
  }
}
