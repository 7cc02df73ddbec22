package io.nats4j.client;

/**
 * Signs the nonce the server sends in INFO, for NKey and JWT authentication, without handing the
 * seed to nats4j: the seed can stay in a hardware module, a vault or another process.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread; nats4j calls {@link
 * #sign} once per connect attempt, from the thread that opens the connection.
 *
 * <pre>{@code
 * NKey userKey = NKey.fromSeed(seedFromVault);
 * Credentials credentials = Credentials.nkey(userKey.publicKey(), userKey::sign);
 * }</pre>
 */
@FunctionalInterface
public interface NonceSigner {

  /**
   * Signs the nonce with the user's Ed25519 key.
   *
   * @param nonce the nonce exactly as the server sent it, as bytes (ASCII)
   * @return the raw 64-byte Ed25519 signature (nats4j encodes it for the wire)
   * @throws RuntimeException if the signature cannot be produced; the connect attempt fails with it
   */
  byte[] sign(byte[] nonce);
}
