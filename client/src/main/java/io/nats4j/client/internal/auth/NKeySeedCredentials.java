package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import io.nats4j.nkeys.KeyType;
import io.nats4j.nkeys.NKey;
import java.util.Objects;

/** An NKey user seed held in memory. Immutable and thread-safe. */
public final class NKeySeedCredentials implements Credentials {
  private final char[] seed;
  private final String publicKey;

  /**
   * Creates the credentials, validating the seed now.
   *
   * @param seed the encoded user seed ({@code SU...}); copied
   * @throws IllegalArgumentException if the seed is malformed or not a user seed
   */
  public NKeySeedCredentials(char[] seed) {
    Objects.requireNonNull(seed, "seed");
    try (NKey key = NKey.fromSeed(seed)) {
      if (key.type() != KeyType.USER) {
        throw new IllegalArgumentException(
            "nkeySeed: expected a user seed (SU...), got a seed of type " + key.type());
      }
      this.publicKey = key.publicKey();
    }
    this.seed = seed.clone();
  }

  char[] seed() {
    return seed.clone();
  }

  String publicKey() {
    return publicKey;
  }

  @Override
  public String toString() {
    return "Credentials[nkey seed, publicKey=" + publicKey + ", seed=***]";
  }
}
