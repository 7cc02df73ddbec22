package io.nats4j.testkit;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Just enough nkey and JWT code to test the harness's nkey and operator configurations (testkit
 * must not depend on the nkeys module, whose own tests use testkit).
 */
final class TestNkeys {

  static final byte OPERATOR = 14 << 3;
  static final byte ACCOUNT = 0;
  static final byte USER = (byte) (20 << 3);

  private final Ed25519PrivateKeyParameters privateKey;
  private final String publicKey;

  private TestNkeys(byte prefix) {
    privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
    byte[] raw = privateKey.generatePublicKey().getEncoded();
    byte[] body = new byte[1 + raw.length];
    body[0] = prefix;
    System.arraycopy(raw, 0, body, 1, raw.length);
    publicKey = base32(withCrc(body));
  }

  static TestNkeys create(byte prefix) {
    return new TestNkeys(prefix);
  }

  String publicKey() {
    return publicKey;
  }

  byte[] sign(byte[] data) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(data, 0, data.length);
    return signer.generateSignature();
  }

  /** Signs a server nonce as the CONNECT {@code sig} field expects. */
  String signNonce(String nonce) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sign(nonce.getBytes(StandardCharsets.UTF_8)));
  }

  /** Issues a JWT for {@code subject} whose {@code nats} claim is {@code natsJson}. */
  String issue(String subject, String name, String natsJson) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}".getBytes());
    String claims =
        "{\"jti\":\""
            + Long.toHexString(new SecureRandom().nextLong())
            + "\",\"iat\":"
            + System.currentTimeMillis() / 1000
            + ",\"iss\":\""
            + publicKey
            + "\",\"name\":\""
            + name
            + "\",\"sub\":\""
            + subject
            + "\",\"nats\":"
            + natsJson
            + "}";
    String signingInput =
        header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return signingInput
        + "."
        + url.encodeToString(sign(signingInput.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] withCrc(byte[] data) {
    int crc = 0;
    for (byte b : data) {
      crc ^= (b & 0xff) << 8;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
    }
    crc &= 0xffff;
    byte[] result = new byte[data.length + 2];
    System.arraycopy(data, 0, result, 0, data.length);
    result[data.length] = (byte) crc;
    result[data.length + 1] = (byte) (crc >>> 8);
    return result;
  }

  private static String base32(byte[] data) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
