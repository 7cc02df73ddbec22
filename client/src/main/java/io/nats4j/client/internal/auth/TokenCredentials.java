package io.nats4j.client.internal.auth;

import io.nats4j.client.Credentials;

/** An authorization token. Immutable and thread-safe. */
public final class TokenCredentials implements Credentials {
  private final char[] token;

  /**
   * Creates the credentials.
   *
   * @param token the token, not empty; copied
   */
  public TokenCredentials(char[] token) {
    this.token = Secrets.copyNonEmpty(token, "token");
  }

  char[] token() {
    return token.clone();
  }

  @Override
  public String toString() {
    return "Credentials[token=***]";
  }
}
