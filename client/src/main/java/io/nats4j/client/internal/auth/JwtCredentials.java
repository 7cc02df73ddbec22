package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;
import io.nats4j.client.NonceSigner;
import java.util.Objects;

/** A user JWT with an external nonce signer. Immutable and thread-safe. */
public final class JwtCredentials implements Credentials {
  private final String jwt;
  private final NonceSigner signer;

  /**
   * Creates the credentials.
   *
   * @param jwt the user JWT ({@code header.payload.signature})
   * @param signer signs nonces with the seed of the JWT's subject
   * @throws IllegalArgumentException if the JWT is empty or has not three dot-separated parts
   */
  public JwtCredentials(String jwt, NonceSigner signer) {
    Objects.requireNonNull(jwt, "jwt");
    this.signer = Objects.requireNonNull(signer, "signer");
    if (jwt.isBlank() || jwt.chars().filter(c -> c == '.').count() != 2) {
      throw new IllegalArgumentException("jwt: not a JWT (expected header.payload.signature)");
    }
    this.jwt = jwt;
  }

  String jwt() {
    return jwt;
  }

  NonceSigner signer() {
    return signer;
  }

  @Override
  public String toString() {
    return "Credentials[jwt=***, signer]";
  }
}
