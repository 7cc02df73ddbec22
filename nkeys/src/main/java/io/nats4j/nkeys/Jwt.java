package io.nats4j.nkeys;

import io.nats4j.nkeys.internal.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decodes, verifies and issues NATS JWTs.
 *
 * <p>Stateless and thread-safe. Failures are {@link IllegalArgumentException}s whose message says
 * what is wrong without quoting the token.
 *
 * <pre>{@code
 * String operatorJwt = Jwt.operator("op").systemAccount(sys.publicKey()).sign(operatorKey);
 * String accountJwt = Jwt.account(account.publicKey(), "app").jetStreamUnlimited().sign(operatorKey);
 * String userJwt = Jwt.user(user.publicKey(), "alice").publishAllow("app.>").sign(account);
 * DecodedJwt decoded = Jwt.verify(userJwt);   // signature checked with the iss key
 * }</pre>
 *
 * <p>Format (as the Go jwt library): three base64url segments without padding; header {@code typ}
 * "JWT" and {@code alg} "ed25519-nkey" (the version 1 value "ed25519" is accepted too, both
 * case-insensitively); for version 2 the signature covers {@code header.payload}, for version 1
 * (claims with a top-level {@code type}) only the payload. Builders: {@link
 * OperatorClaims.Builder}, {@link AccountClaims.Builder}, {@link UserClaims.Builder} (method names
 * in their Javadoc).
 */
public final class Jwt {
  /** The {@code alg} written into issued JWTs. */
  public static final String ALGORITHM = "ed25519-nkey";

  /** Tokens longer than this are rejected before decoding (the Go library's limit). */
  public static final int MAX_TOKEN_LENGTH = 1024 * 1024;

  private static final Map<String, Set<KeyType>> ISSUER_TYPES =
      Map.of(
          "operator", Set.of(KeyType.OPERATOR),
          "account", Set.of(KeyType.OPERATOR, KeyType.ACCOUNT),
          "user", Set.of(KeyType.ACCOUNT),
          "activation", Set.of(KeyType.OPERATOR, KeyType.ACCOUNT),
          "authorization_request", Set.of(KeyType.SERVER),
          "authorization_response", Set.of(KeyType.ACCOUNT));

  private Jwt() {}

  /**
   * Parses a JWT without checking its signature.
   *
   * @param jwt the encoded JWT
   * @return the decoded header and claims
   * @throws IllegalArgumentException if it is not a well-formed NATS JWT
   */
  public static DecodedJwt decode(String jwt) {
    if (jwt == null || jwt.isEmpty()) {
      throw new IllegalArgumentException("JWT is empty");
    }
    if (jwt.length() > MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException("JWT is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    int firstDot = jwt.indexOf('.');
    int secondDot = firstDot < 0 ? -1 : jwt.indexOf('.', firstDot + 1);
    if (secondDot < 0 || jwt.indexOf('.', secondDot + 1) >= 0) {
      throw new IllegalArgumentException("JWT must have three dot-separated parts");
    }
    Map<String, Object> header = json(jwt.substring(0, firstDot), "header");
    checkHeader(header);
    String payload = jwt.substring(firstDot + 1, secondDot);
    Map<String, Object> claims = json(payload, "payload");
    byte[] signature = base64Url(jwt.substring(secondDot + 1), "signature");
    if (signature.length != 64) {
      throw new IllegalArgumentException("JWT signature must be 64 bytes, got " + signature.length);
    }
    DecodedJwt decoded = new DecodedJwt(header, claims, jwt.substring(0, secondDot), signature);
    if (decoded.version() > 2) {
      throw new IllegalArgumentException("JWT version " + decoded.version() + " is not supported");
    }
    return decoded;
  }

  /**
   * Parses a JWT and checks its signature with its {@code iss} key, and that the issuer has the key
   * type the claim type requires (operator for operator and account JWTs, account for user JWTs).
   * Does not check {@code exp}; see {@link #verify(String, Instant)}.
   *
   * @param jwt the encoded JWT
   * @return the decoded header and claims
   * @throws IllegalArgumentException if the JWT is malformed or its signature does not verify
   */
  public static DecodedJwt verify(String jwt) {
    DecodedJwt decoded = decode(jwt);
    String issuer = decoded.issuer();
    if (issuer == null) {
      throw new IllegalArgumentException("JWT has no iss claim");
    }
    NKey issuerKey;
    try {
      issuerKey = NKey.fromPublicKey(issuer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT iss is not a valid public key: " + e.getMessage(), e);
    }
    Set<KeyType> allowed = ISSUER_TYPES.get(String.valueOf(decoded.claimType()));
    if (issuerKey.type() == KeyType.CURVE
        || (allowed != null && !allowed.contains(issuerKey.type()))) {
      throw new IllegalArgumentException(
          "a "
              + decoded.claimType()
              + " JWT cannot be issued by a "
              + issuerKey.type().name().toLowerCase(Locale.ROOT)
              + " key");
    }
    String signed =
        decoded.version() <= 1
            ? decoded.signingInput().substring(decoded.signingInput().indexOf('.') + 1)
            : decoded.signingInput();
    if (!issuerKey.verify(signed.getBytes(StandardCharsets.US_ASCII), decoded.signature())) {
      throw new IllegalArgumentException("JWT signature does not verify with its iss key");
    }
    return decoded;
  }

  /**
   * {@link #verify(String)} plus the time claims: fails if {@code now} is after {@code exp} or
   * before {@code nbf}.
   *
   * @param jwt the encoded JWT
   * @param now the time to check {@code exp} and {@code nbf} against
   * @return the decoded header and claims
   */
  public static DecodedJwt verify(String jwt, Instant now) {
    DecodedJwt decoded = verify(jwt);
    if (decoded.isExpiredOrNotYetValid(now)) {
      throw new IllegalArgumentException("JWT is expired or not yet valid");
    }
    return decoded;
  }

  /**
   * Starts an operator JWT; sign it with the operator's identity key.
   *
   * @param name the operator's name
   * @return a new builder
   */
  public static OperatorClaims.Builder operator(String name) {
    return new OperatorClaims.Builder(name);
  }

  /**
   * Starts an account JWT for {@code accountPublicKey}; sign it with an operator key.
   *
   * @param accountPublicKey the account's encoded public key ({@code A...}), the JWT's subject
   * @param name the account's name
   * @return a new builder
   */
  public static AccountClaims.Builder account(String accountPublicKey, String name) {
    return new AccountClaims.Builder(accountPublicKey, name);
  }

  /**
   * Starts a user JWT for {@code userPublicKey}; sign it with an account key.
   *
   * @param userPublicKey the user's encoded public key ({@code U...}), the JWT's subject
   * @param name the user's name
   * @return a new builder
   */
  public static UserClaims.Builder user(String userPublicKey, String name) {
    return new UserClaims.Builder(userPublicKey, name);
  }

  private static void checkHeader(Map<String, Object> header) {
    Object typ = header.get("typ");
    if (!(typ instanceof String t) || !t.equalsIgnoreCase("JWT")) {
      throw new IllegalArgumentException("JWT header typ must be \"JWT\"");
    }
    Object alg = header.get("alg");
    if (!(alg instanceof String a)
        || !(a.equalsIgnoreCase(ALGORITHM) || a.equalsIgnoreCase("ed25519"))) {
      throw new IllegalArgumentException(
          "JWT header alg must be \"" + ALGORITHM + "\" (or \"ed25519\" for version 1)");
    }
  }

  private static Map<String, Object> json(String segment, String what) {
    byte[] bytes = base64Url(segment, what);
    try {
      return Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "JWT " + what + " is not a JSON object: " + e.getMessage());
    }
  }

  private static byte[] base64Url(String segment, String what) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new IllegalArgumentException(
            "JWT " + what + " is not base64url without padding (bad character at " + i + ")");
      }
    }
    try {
      return Base64.getUrlDecoder().decode(segment);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("JWT " + what + " is not valid base64url");
    }
  }
}
