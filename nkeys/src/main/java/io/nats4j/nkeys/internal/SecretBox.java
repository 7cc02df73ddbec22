package io.nats4j.nkeys.internal;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.util.Pack;

/**
 * NaCl {@code crypto_box} (curve25519-xsalsa20-poly1305): X25519 shared secret, HSalsa20 to derive
 * the box key, then XSalsa20-Poly1305 {@code secretbox} whose output is the 16-byte tag followed by
 * the ciphertext.
 *
 * <p>Stateless and thread-safe. Key material is wiped after each call.
 */
public final class SecretBox {
  /** Bytes the box adds to the plaintext (the Poly1305 tag). */
  public static final int OVERHEAD = 16;

  /** Nonce length. */
  public static final int NONCE_LENGTH = 24;

  private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

  private SecretBox() {}

  /**
   * Seals {@code plain} from {@code privateKey} to {@code peerPublicKey}.
   *
   * @throws IllegalArgumentException if the peer key is all-zero or of low order
   */
  public static byte[] seal(byte[] privateKey, byte[] peerPublicKey, byte[] nonce, byte[] plain) {
    byte[] key = boxKey(privateKey, peerPublicKey);
    try {
      XSalsa20Engine stream = stream(key, nonce);
      byte[] polyKey = keystream(stream);
      byte[] out = new byte[OVERHEAD + plain.length];
      stream.processBytes(plain, 0, plain.length, out, OVERHEAD);
      mac(polyKey, out, OVERHEAD, plain.length, out);
      Arrays.fill(polyKey, (byte) 0);
      return out;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Opens a box (tag + ciphertext) from {@code peerPublicKey} to {@code privateKey}.
   *
   * @return the plaintext, or {@code null} if the box does not authenticate
   * @throws IllegalArgumentException if the peer key is all-zero or of low order
   */
  public static byte[] open(byte[] privateKey, byte[] peerPublicKey, byte[] nonce, byte[] box) {
    if (box.length < OVERHEAD) {
      return null;
    }
    byte[] key = boxKey(privateKey, peerPublicKey);
    try {
      XSalsa20Engine stream = stream(key, nonce);
      byte[] polyKey = keystream(stream);
      byte[] tag = new byte[OVERHEAD];
      mac(polyKey, box, OVERHEAD, box.length - OVERHEAD, tag);
      Arrays.fill(polyKey, (byte) 0);
      if (!org.bouncycastle.util.Arrays.constantTimeAreEqual(OVERHEAD, tag, 0, box, 0)) {
        return null;
      }
      byte[] plain = new byte[box.length - OVERHEAD];
      stream.processBytes(box, OVERHEAD, plain.length, plain, 0);
      return plain;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] boxKey(byte[] privateKey, byte[] peerPublicKey) {
    if (peerPublicKey.length != X25519.POINT_SIZE || isAllZero(peerPublicKey)) {
      throw new IllegalArgumentException("curve public key is all zeros");
    }
    byte[] shared = new byte[X25519.POINT_SIZE];
    try {
      if (!X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, shared, 0)) {
        throw new IllegalArgumentException(
            "curve public key is of low order (the shared secret would be all zeros)");
      }
      return hsalsa20(shared, new byte[16]);
    } finally {
      Arrays.fill(shared, (byte) 0);
    }
  }

  /** HSalsa20: the Salsa20 core without the final addition, output words 0,5,10,15,6,7,8,9. */
  static byte[] hsalsa20(byte[] key, byte[] input16) {
    int[] state = new int[16];
    state[0] = SIGMA[0];
    state[5] = SIGMA[1];
    state[10] = SIGMA[2];
    state[15] = SIGMA[3];
    Pack.littleEndianToInt(key, 0, state, 1, 4);
    Pack.littleEndianToInt(key, 16, state, 11, 4);
    Pack.littleEndianToInt(input16, 0, state, 6, 4);
    int[] x = new int[16];
    Salsa20Engine.salsaCore(20, state, x);
    int[] words = {0, 5, 10, 15, 6, 7, 8, 9};
    byte[] out = new byte[32];
    for (int i = 0; i < words.length; i++) {
      int w = words[i];
      Pack.intToLittleEndian(x[w] - state[w], out, 4 * i);
    }
    Arrays.fill(state, 0);
    Arrays.fill(x, 0);
    return out;
  }

  private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
    if (nonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("nonce must be 24 bytes");
    }
    XSalsa20Engine engine = new XSalsa20Engine();
    engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
    return engine;
  }

  /** The first 32 keystream bytes: the one-time Poly1305 key. */
  private static byte[] keystream(XSalsa20Engine stream) {
    byte[] polyKey = new byte[32];
    stream.processBytes(new byte[32], 0, 32, polyKey, 0);
    return polyKey;
  }

  private static void mac(byte[] polyKey, byte[] data, int offset, int length, byte[] tagOut) {
    Poly1305 poly = new Poly1305();
    poly.init(new KeyParameter(polyKey));
    poly.update(data, offset, length);
    poly.doFinal(tagOut, 0);
  }

  private static boolean isAllZero(byte[] bytes) {
    int acc = 0;
    for (byte b : bytes) {
      acc |= b;
    }
    return acc == 0;
  }
}
