package io.nats4j.nkeys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Signs the server's INFO {@code nonce} as the NATS server expects in CONNECT's {@code sig} field.
 *
 * <p>Stateless and thread-safe.
 */
public final class Nonces {
  private Nonces() {}

  /**
   * Ed25519 signature of {@code nonce} (the nonce string's bytes as sent in INFO, ASCII/UTF-8),
   * encoded as base64 URL-safe without padding.
   *
   * @param key the key that signs
   * @param nonce the nonce's bytes
   * @return the signature, base64 URL-safe without padding
   * @throws IllegalStateException if {@code key} cannot sign (public only, closed or curve)
   */
  public static String sign(NKey key, byte[] nonce) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key.sign(nonce));
  }

  /**
   * Signs the INFO nonce as received (a string; its UTF-8 bytes, ASCII in practice, are signed).
   *
   * @param key the key that signs
   * @param nonce the nonce from INFO
   * @return the signature, base64 URL-safe without padding
   * @throws IllegalStateException if {@code key} cannot sign (public only, closed or curve)
   */
  public static String sign(NKey key, String nonce) {
    return sign(key, nonce.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code signature} (base64 URL-safe, padding optional) is {@code key}'s signature of
   * {@code nonce}.
   *
   * @param key the key that should have signed
   * @param nonce the nonce's bytes
   * @param signature the signature to check
   * @return whether the signature is valid
   */
  public static boolean verify(NKey key, byte[] nonce, String signature) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return key.verify(nonce, raw);
  }
}
