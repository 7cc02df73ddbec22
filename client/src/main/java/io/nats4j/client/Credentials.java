package io.nats4j.client;

import io.nats4j.client.internal.auth.CredsContentCredentials;
import io.nats4j.client.internal.auth.CredsFileCredentials;
import io.nats4j.client.internal.auth.JwtCredentials;
import io.nats4j.client.internal.auth.NKeySeedCredentials;
import io.nats4j.client.internal.auth.NKeySignerCredentials;
import io.nats4j.client.internal.auth.TokenCredentials;
import io.nats4j.client.internal.auth.UserPasswordCredentials;
import java.nio.file.Path;

/**
 * What a connection authenticates with: a user and password, a token, an NKey, a user JWT, or a
 * creds file (user JWT + NKey seed) as issued by {@code nsc} or an account server.
 *
 * <p>Thread-safety: immutable; safe to share between connections. Every factory copies the arrays
 * it is given, so the caller may wipe theirs right after the call.
 *
 * <p>Secrets are never shown: {@link Object#toString()} prints the kind and, where there is one,
 * the user name, public key or file path, never a password, token, seed or JWT.
 *
 * <pre>{@code
 * Credentials.userPassword("alice", passwordChars);
 * Credentials.token(tokenChars);
 * Credentials.nkeySeed(seedChars);                          // "SU..." user seed
 * Credentials.nkey(userPublicKey, nonce -> hsm.sign(nonce)); // seed never leaves the HSM
 * Credentials.credsFile(Path.of("/etc/nats/app.creds"));   // re-read on every connect attempt
 * }</pre>
 *
 * <p>NKey, JWT and creds authentication sign the nonce the server sends in INFO; a server that
 * sends none has no NKey or operator-mode authentication configured, and the connect attempt fails
 * with {@link AuthenticationException}.
 */
public sealed interface Credentials
    permits UserPasswordCredentials,
        TokenCredentials,
        NKeySeedCredentials,
        NKeySignerCredentials,
        JwtCredentials,
        CredsFileCredentials,
        CredsContentCredentials {

  /**
   * A user name and password ({@code authorization { users = [...] } }).
   *
   * @param user the user name, not empty
   * @param password the password; copied
   * @return the credentials
   * @throws IllegalArgumentException if the user is empty
   */
  static Credentials userPassword(String user, char[] password) {
    return new UserPasswordCredentials(user, password);
  }

  /**
   * A token ({@code authorization { token: ... } }).
   *
   * @param token the token, not empty; copied
   * @return the credentials
   * @throws IllegalArgumentException if the token is empty
   */
  static Credentials token(char[] token) {
    return new TokenCredentials(token);
  }

  /**
   * An NKey user seed ({@code SU...}); the nonce is signed with it on every connect attempt.
   *
   * @param seed the encoded user seed; copied and checked now
   * @return the credentials
   * @throws IllegalArgumentException if the seed is malformed or not a user seed (the message never
   *     echoes the seed)
   */
  static Credentials nkeySeed(char[] seed) {
    return new NKeySeedCredentials(seed);
  }

  /**
   * An NKey user known by its public key, whose seed stays with {@code signer}.
   *
   * @param publicKey the user public key ({@code U...})
   * @param signer signs the server nonce with the user's seed
   * @return the credentials
   * @throws IllegalArgumentException if the public key is not a valid user key
   */
  static Credentials nkey(String publicKey, NonceSigner signer) {
    return new NKeySignerCredentials(publicKey, signer);
  }

  /**
   * A user JWT (operator mode) whose NKey seed stays with {@code signer}.
   *
   * @param userJwt the user JWT
   * @param signer signs the server nonce with the seed of the user the JWT is issued to
   * @return the credentials
   * @throws IllegalArgumentException if the JWT is empty or not of the form header.payload.sig
   */
  static Credentials jwt(String userJwt, NonceSigner signer) {
    return new JwtCredentials(userJwt, signer);
  }

  /**
   * A creds file, read again on every connect attempt so a rotated file is picked up. Nothing is
   * read now; a missing or malformed file fails the connect attempt with a message naming the path
   * (the path is never sent to the server).
   *
   * @param file the creds file
   * @return the credentials
   */
  static Credentials credsFile(Path file) {
    return new CredsFileCredentials(file);
  }

  /**
   * The text of a creds file, held in memory.
   *
   * @param contents the creds text; copied and checked now
   * @return the credentials
   * @throws IllegalArgumentException if the text is not a valid creds file (the message never
   *     echoes it)
   */
  static Credentials creds(char[] contents) {
    return new CredsContentCredentials(contents);
  }
}
