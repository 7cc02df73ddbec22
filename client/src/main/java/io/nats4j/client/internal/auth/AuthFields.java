package io.nats4j.client.internal.auth;

/**
 * The authentication fields of one CONNECT, ready for {@code ConnectRequest}. Null fields are
 * omitted from the JSON. Never holds a seed, key material or a file path.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the user and the public key only.
 *
 * @param user user name, or null
 * @param pass password, or null
 * @param authToken token, or null
 * @param nkey user public key (NKey authentication without JWT), or null
 * @param jwt user JWT, or null
 * @param sig base64url (no padding) Ed25519 signature of the server nonce, or null
 */
public record AuthFields(
    String user, String pass, String authToken, String nkey, String jwt, String sig) {

  /** No authentication. */
  public static final AuthFields NONE = new AuthFields(null, null, null, null, null, null);

  @Override
  public String toString() {
    return "AuthFields[user="
        + user
        + ", pass="
        + redacted(pass)
        + ", authToken="
        + redacted(authToken)
        + ", nkey="
        + nkey
        + ", jwt="
        + redacted(jwt)
        + ", sig="
        + redacted(sig)
        + "]";
  }

  private static String redacted(String secret) {
    return secret == null ? "null" : "***";
  }
}
