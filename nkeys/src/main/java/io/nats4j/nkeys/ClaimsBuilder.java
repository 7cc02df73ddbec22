package io.nats4j.nkeys;

import io.nats4j.nkeys.internal.Base32;
import io.nats4j.nkeys.internal.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims shared by every NATS JWT ({@code name}, {@code exp}, {@code nbf}, {@code iat}, {@code
 * aud}, tags) and the signing that turns a builder into a JWT string.
 *
 * <p>Builders are not thread-safe; use one per thread. {@link #sign(NKey)} may be called several
 * times (each call sets {@code iss}, {@code iat} unless fixed, and {@code jti}).
 *
 * <p>The encoding follows the Go jwt library (v2): header {@code
 * {"typ":"JWT","alg":"ed25519-nkey"}}, base64url without padding, signature over {@code
 * header.payload}, {@code jti} = base32 (no padding) of SHA-512/256 over the JSON of the standard
 * claims without {@code jti}, and {@code nats.version} 2.
 *
 * @param <B> the concrete builder type
 */
public abstract class ClaimsBuilder<B extends ClaimsBuilder<B>> {
  private static final String HEADER =
      base64Url(Json.write(headerMap()).getBytes(StandardCharsets.UTF_8));

  private final String subject;
  private String name;
  private String audience;
  private Instant expires;
  private Instant notBefore;
  private Instant issuedAt;
  private final List<String> tags = new ArrayList<>();

  ClaimsBuilder(String subject, String name) {
    this.subject = subject;
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /**
   * Sets {@code name} (a label for humans; may be null).
   *
   * @param name the name, or null
   * @return this builder
   */
  public B name(String name) {
    this.name = name;
    return self();
  }

  /**
   * Sets {@code aud}.
   *
   * @param audience the audience, or null
   * @return this builder
   */
  public B audience(String audience) {
    this.audience = audience;
    return self();
  }

  /**
   * Sets {@code exp} (seconds precision); null for a JWT that does not expire (the default).
   *
   * @param expires when the JWT expires, or null
   * @return this builder
   */
  public B expires(Instant expires) {
    this.expires = expires;
    return self();
  }

  /**
   * Sets {@code nbf} (seconds precision).
   *
   * @param notBefore when the JWT becomes valid, or null
   * @return this builder
   */
  public B notBefore(Instant notBefore) {
    this.notBefore = notBefore;
    return self();
  }

  /**
   * Fixes {@code iat} instead of using the time of {@link #sign}.
   *
   * @param issuedAt the issue time to write
   * @return this builder
   */
  public B issuedAt(Instant issuedAt) {
    this.issuedAt = issuedAt;
    return self();
  }

  /**
   * Adds {@code nats.tags}.
   *
   * @param tags the tags to add
   * @return this builder
   */
  public B tags(String... tags) {
    Collections.addAll(this.tags, tags);
    return self();
  }

  /** The claim type written to {@code nats.type}. */
  abstract String claimType();

  /** The key type the issuer must have. */
  abstract KeyType issuerType();

  /** Writes this claim type's fields into {@code nats} (before tags/type/version). */
  abstract void writeNats(Map<String, Object> nats);

  /** Subject to use when the builder has none (operators are self-signed). */
  String subjectFor(NKey issuer) {
    return subject;
  }

  /**
   * Signs the claims with {@code issuer} and returns the encoded JWT.
   *
   * @param issuer the key that signs, whose public key becomes {@code iss}
   * @return the encoded JWT
   * @throws IllegalArgumentException if {@code issuer} is not of the type this claim needs (an
   *     operator key for operator and account JWTs, an account key for user JWTs)
   * @throws IllegalStateException if {@code issuer} has no seed or is closed
   */
  public String sign(NKey issuer) {
    if (issuer == null || issuer.type() != issuerType()) {
      throw new IllegalArgumentException(
          claimType()
              + " JWTs must be signed by "
              + (issuerType() == KeyType.OPERATOR ? "an operator" : "an account")
              + " key, got "
              + (issuer == null ? "null" : issuer.type() + " key"));
    }
    Map<String, Object> standard = new LinkedHashMap<>();
    putIfSet(standard, "aud", audience);
    putIfSet(standard, "exp", seconds(expires));
    standard.put("iat", seconds(issuedAt != null ? issuedAt : Instant.now()));
    standard.put("iss", issuer.publicKey());
    putIfSet(standard, "name", name);
    putIfSet(standard, "nbf", seconds(notBefore));
    standard.put("sub", subjectFor(issuer));
    String jti = jti(standard);

    Map<String, Object> claims = new LinkedHashMap<>();
    putIfSet(claims, "aud", audience);
    putIfSet(claims, "exp", seconds(expires));
    claims.put("jti", jti);
    standard.remove("aud");
    standard.remove("exp");
    claims.putAll(standard);
    Map<String, Object> nats = new LinkedHashMap<>();
    writeNats(nats);
    if (!tags.isEmpty()) {
      nats.put("tags", List.copyOf(tags));
    }
    nats.put("type", claimType());
    nats.put("version", 2);
    claims.put("nats", nats);

    String signingInput =
        HEADER + "." + base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    byte[] signature = issuer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + base64Url(signature);
  }

  /** {@code jti} as the Go jwt library computes it. */
  static String jti(Map<String, Object> standardClaimsWithoutJti) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-512/256")
              .digest(Json.write(standardClaimsWithoutJti).getBytes(StandardCharsets.UTF_8));
      return new String(Base32.encode(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512/256 is required by Java 17", e);
    }
  }

  static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  static void putIfNonZero(Map<String, Object> map, String key, long value) {
    if (value != 0) {
      map.put(key, value);
    }
  }

  static void putIfTrue(Map<String, Object> map, String key, boolean flag) {
    if (flag) {
      map.put(key, true);
    }
  }

  /** Checks that every key is a public key of {@code type} and adds it to {@code keys}. */
  static void addKeys(List<String> keys, String[] publicKeys, KeyType type, String what) {
    for (String key : publicKeys) {
      requireKey(key, type, what);
      keys.add(key);
    }
  }

  static void putList(Map<String, Object> map, String key, List<String> values) {
    if (!values.isEmpty()) {
      map.put(key, List.copyOf(values));
    }
  }

  static void requireKey(String key, KeyType type, String what) {
    try {
      KeyCodec.decodePublic(key, type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  private static Long seconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }

  private static Map<String, Object> headerMap() {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("alg", Jwt.ALGORITHM);
    return header;
  }

  static String base64Url(byte[] data) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
  }
}
