package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import io.nats4j.client.NonceSigner;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import java.util.Objects;

/** An NKey user public key with an external nonce signer. Immutable and thread-safe. */
public final class NKeySignerCredentials implements Credentials {
  private final String publicKey;
  private final NonceSigner signer;

  /**
   * Creates the credentials.
   *
   * @param publicKey the user public key ({@code U...}), validated now
   * @param signer signs nonces with the matching seed
   * @throws IllegalArgumentException if the public key is not a valid user key
   */
  public NKeySignerCredentials(String publicKey, NonceSigner signer) {
    Objects.requireNonNull(publicKey, "publicKey");
    this.signer = Objects.requireNonNull(signer, "signer");
    NKey.fromPublicKey(publicKey, KeyType.USER).close();
    this.publicKey = publicKey;
  }

  String publicKey() {
    return publicKey;
  }

  NonceSigner signer() {
    return signer;
  }

  @Override
  public String toString() {
    return "Credentials[nkey, publicKey=" + publicKey + ", signer]";
  }
}
