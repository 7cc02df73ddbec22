package io.nats4j.client.internal.protocol;

import io.nats4j.nkeys.internal.Json;

/**
 * The options a client sends in {@code CONNECT}; field names on the wire are the server's ({@code
 * tls_required}, {@code auth_token}, {@code no_responders}, ...).
 *
 * <p>Thread-safety: immutable.
 *
 * <p>{@link #toString()} redacts {@code pass}, {@code auth_token}, {@code jwt} and {@code sig}; the
 * JSON from {@link #toJson()} carries them and must never be logged.
 *
 * @param verbose ask for {@code +OK} after every op (nats4j sends false)
 * @param pedantic ask the server for strict checking (nats4j sends false)
 * @param tlsRequired whether the client requires TLS
 * @param name the connection name, or null
 * @param lang the client language, e.g. {@code java}
 * @param version the client version
 * @param protocol the protocol level; 1 to receive async INFO
 * @param echo whether the server may deliver this connection's own messages back to it
 * @param headers whether the client supports headers (nats4j sends true)
 * @param noResponders whether the server should answer requests nobody listens to with status 503
 * @param user the user name, or null
 * @param pass the password, or null
 * @param authToken the token, or null
 * @param nkey the public NKey of the user, or null
 * @param jwt the user JWT, or null
 * @param sig the signature of the server nonce, or null
 */
public record ConnectRequest(
    boolean verbose,
    boolean pedantic,
    boolean tlsRequired,
    String name,
    String lang,
    String version,
    int protocol,
    boolean echo,
    boolean headers,
    boolean noResponders,
    String user,
    String pass,
    String authToken,
    String nkey,
    String jwt,
    String sig) {

  private static final String REDACTED = "<redacted>";

  /**
   * Returns the JSON object for {@code CONNECT}; null fields are omitted and strings are escaped.
   *
   * @return compact JSON; contains secrets, never log it
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(256);
    sb.append('{');
    bool(sb, "verbose", verbose);
    bool(sb, "pedantic", pedantic);
    bool(sb, "tls_required", tlsRequired);
    str(sb, "name", name);
    str(sb, "lang", lang);
    str(sb, "version", version);
    sb.append(",\"protocol\":").append(protocol);
    bool(sb, "echo", echo);
    bool(sb, "headers", headers);
    bool(sb, "no_responders", noResponders);
    str(sb, "user", user);
    str(sb, "pass", pass);
    str(sb, "auth_token", authToken);
    str(sb, "nkey", nkey);
    str(sb, "jwt", jwt);
    str(sb, "sig", sig);
    return sb.append('}').toString();
  }

  /** Shows every field except the secrets, which appear as {@code <redacted>} when present. */
  @Override
  public String toString() {
    return "ConnectRequest[verbose="
        + verbose
        + ", pedantic="
        + pedantic
        + ", tlsRequired="
        + tlsRequired
        + ", name="
        + name
        + ", lang="
        + lang
        + ", version="
        + version
        + ", protocol="
        + protocol
        + ", echo="
        + echo
        + ", headers="
        + headers
        + ", noResponders="
        + noResponders
        + ", user="
        + user
        + ", pass="
        + redact(pass)
        + ", authToken="
        + redact(authToken)
        + ", nkey="
        + nkey
        + ", jwt="
        + redact(jwt)
        + ", sig="
        + redact(sig)
        + "]";
  }

  private static String redact(String secret) {
    return secret == null ? null : REDACTED;
  }

  private static void bool(StringBuilder sb, String field, boolean value) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(field).append("\":").append(value);
  }

  private static void str(StringBuilder sb, String field, String value) {
    if (value == null) {
      return;
    }
    sb.append(",\"").append(field).append("\":");
    Json.appendString(sb, value);
  }
}
