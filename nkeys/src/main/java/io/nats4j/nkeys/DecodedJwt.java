package io.nats4j.nkeys;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decoded NATS JWT: its header and claims as read-only maps (JSON objects are {@code Map}s,
 * arrays {@code List}s, integers {@code Long}s), with typed accessors for the common claims.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows type, subject and issuer only (the token
 * itself may be a bearer secret).
 */
public final class DecodedJwt {
  private final Map<String, Object> header;
  private final Map<String, Object> claims;
  private final String signingInput;
  private final byte[] signature;

  DecodedJwt(
      Map<String, Object> header,
      Map<String, Object> claims,
      String signingInput,
      byte[] signature) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /**
   * The header ({@code typ}, {@code alg}).
   *
   * @return the header ({@code typ}, {@code alg})
   */
  public Map<String, Object> header() {
    return header;
  }

  /**
   * All claims.
   *
   * @return all claims
   */
  public Map<String, Object> claims() {
    return claims;
  }

  /**
   * The {@code nats} object (empty if absent).
   *
   * @return the {@code nats} object (empty if absent)
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> nats() {
    Object nats = claims.get("nats");
    return nats instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /**
   * {@code jti}, or null.
   *
   * @return {@code jti}, or null
   */
  public String id() {
    return string(claims, "jti");
  }

  /**
   * {@code iss}: the public key that signed this JWT.
   *
   * @return {@code iss}, the public key that signed this JWT
   */
  public String issuer() {
    return string(claims, "iss");
  }

  /**
   * {@code sub}: the public key this JWT is about.
   *
   * @return {@code sub}, the public key this JWT is about
   */
  public String subject() {
    return string(claims, "sub");
  }

  /**
   * {@code name}, or null.
   *
   * @return {@code name}, or null
   */
  public String name() {
    return string(claims, "name");
  }

  /**
   * {@code aud}, or null.
   *
   * @return {@code aud}, or null
   */
  public String audience() {
    return string(claims, "aud");
  }

  /**
   * {@code nats.issuer_account} (set when a signing key issued a user JWT), or null.
   *
   * @return {@code nats.issuer_account}, or null
   */
  public String issuerAccount() {
    return string(nats(), "issuer_account");
  }

  /**
   * The claim type: {@code nats.type} ("operator", "account", "user", ...), or the top-level {@code
   * type} of a version 1 JWT.
   *
   * @return the claim type, e.g. {@code "user"}
   */
  public String claimType() {
    String v1 = string(claims, "type");
    return v1 != null ? v1 : string(nats(), "type");
  }

  /**
   * The JWT version: 1 for JWTs with a top-level {@code type}, else {@code nats.version}.
   *
   * @return the JWT version, 1 or 2
   */
  public int version() {
    if (claims.containsKey("type")) {
      return 1;
    }
    Object version = nats().get("version");
    return version instanceof Number n ? n.intValue() : 1;
  }

  /**
   * {@code iat}, or null.
   *
   * @return {@code iat}, or null
   */
  public Instant issuedAt() {
    return instant("iat");
  }

  /**
   * {@code exp}, or null if the JWT does not expire.
   *
   * @return {@code exp}, or null if the JWT does not expire
   */
  public Instant expires() {
    return instant("exp");
  }

  /**
   * {@code nbf}, or null.
   *
   * @return {@code nbf}, or null
   */
  public Instant notBefore() {
    return instant("nbf");
  }

  /**
   * {@code signing_keys} of an operator or account JWT (string entries only).
   *
   * @return the signing keys, empty if none
   */
  public List<String> signingKeys() {
    Object keys = nats().get("signing_keys");
    if (!(keys instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  /**
   * Whether {@code now} is after {@code exp} or before {@code nbf}.
   *
   * @param now the time to check
   * @return whether the JWT is not valid at {@code now}
   */
  public boolean isExpiredOrNotYetValid(Instant now) {
    Instant exp = expires();
    Instant nbf = notBefore();
    return (exp != null && now.getEpochSecond() > exp.getEpochSecond())
        || (nbf != null && now.getEpochSecond() < nbf.getEpochSecond());
  }

  /**
   * The raw signature (a copy).
   *
   * @return a copy of the signature bytes
   */
  public byte[] signature() {
    return signature.clone();
  }

  String signingInput() {
    return signingInput;
  }

  private Instant instant(String key) {
    Object value = claims.get(key);
    return value instanceof Number n && n.longValue() != 0
        ? Instant.ofEpochSecond(n.longValue())
        : null;
  }

  private static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    return value instanceof String s ? s : null;
  }

  @Override
  public String toString() {
    return "DecodedJwt[" + claimType() + ", sub=" + subject() + ", iss=" + issuer() + "]";
  }
}
