package io.nats4j.nkeys;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A NATS key: an Ed25519 key pair (operator, account, user, server, cluster) or a curve25519 key
 * ({@link KeyType#CURVE}), in NATS encoding. A key made from a seed can sign; a key made from a
 * public key can only verify.
 *
 * <p>Thread-safety: all methods may be called from any thread. {@link #close()} wipes the secret
 * bytes; afterwards {@link #sign} and {@link #seed} throw {@link IllegalStateException}, while the
 * public key stays available.
 *
 * <pre>{@code
 * try (NKey user = NKey.fromSeed(seedChars)) {
 *   String sig = Nonces.sign(user, nonce);
 * }
 * }</pre>
 *
 * <p>The seed never appears in {@link #toString()} or in exception messages. Curve keys cannot sign
 * or verify; use {@link XKey} for their sealed boxes.
 */
public final class NKey implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyType type;
  private final byte[] rawPublicKey;
  private final String publicKey;
  private byte[] secret; // 32-byte Ed25519 seed or X25519 private key; null for verify-only keys
  private boolean closed;

  private NKey(KeyType type, byte[] secret, byte[] rawPublicKey) {
    this.type = type;
    this.secret = secret;
    this.rawPublicKey = rawPublicKey;
    this.publicKey = KeyCodec.encodePublic(type, rawPublicKey);
  }

  /**
   * A new key of {@code type} from {@link SecureRandom}.
   *
   * @param type the key's type
   * @return the new key; close it to wipe its seed
   */
  public static NKey create(KeyType type) {
    if (type == null) {
      throw new IllegalArgumentException("key type is required");
    }
    byte[] secret = new byte[KeyCodec.KEY_LENGTH];
    RANDOM.nextBytes(secret);
    return fromRaw(type, secret);
  }

  /**
   * The key encoded by {@code encodedSeed} ({@code S} + type letter + ...). The chars are copied
   * (the caller may wipe its array afterwards).
   *
   * @param encodedSeed the encoded seed (copied; the caller may wipe its array)
   * @return the key; close it to wipe its seed
   * @throws IllegalArgumentException naming what is wrong (not base32, length, checksum, prefix);
   *     the message never contains the seed
   */
  public static NKey fromSeed(char[] encodedSeed) {
    KeyCodec.Decoded decoded = KeyCodec.decodeSeed(encodedSeed);
    return fromRaw(decoded.type(), decoded.key());
  }

  /**
   * A verify-only key from an encoded public key ({@code U...}, {@code A...}, ...).
   *
   * @param encodedPublicKey the encoded public key
   * @return a key that can verify but not sign
   * @throws IllegalArgumentException naming what is wrong with the key
   */
  public static NKey fromPublicKey(String encodedPublicKey) {
    KeyCodec.Decoded decoded = KeyCodec.decodePublic(encodedPublicKey, null);
    return new NKey(decoded.type(), null, decoded.key());
  }

  /**
   * A verify-only key that must be of {@code expected} type.
   *
   * @param encodedPublicKey the encoded public key
   * @param expected the type the key must have
   * @return a key that can verify but not sign
   * @throws IllegalArgumentException if the key is malformed or of another type
   */
  public static NKey fromPublicKey(String encodedPublicKey, KeyType expected) {
    KeyCodec.Decoded decoded = KeyCodec.decodePublic(encodedPublicKey, expected);
    return new NKey(decoded.type(), null, decoded.key());
  }

  /**
   * Whether {@code encodedPublicKey} is a well-formed public key of {@code type} (any type if
   * {@code null}).
   *
   * @param encodedPublicKey the text to check
   * @param type the type required, or {@code null} for any
   * @return whether the key is well formed and of that type
   */
  public static boolean isValidPublicKey(String encodedPublicKey, KeyType type) {
    try {
      KeyCodec.decodePublic(encodedPublicKey, type);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Takes ownership of {@code secret}. */
  static NKey fromRaw(KeyType type, byte[] secret) {
    byte[] pub = new byte[KeyCodec.KEY_LENGTH];
    if (type == KeyType.CURVE) {
      X25519.scalarMultBase(secret, 0, pub, 0);
    } else {
      Ed25519.generatePublicKey(secret, 0, pub, 0);
    }
    return new NKey(type, secret, pub);
  }

  /**
   * The encoded public key, e.g. {@code "UAB..."}. Available even after {@link #close()}.
   *
   * @return the encoded public key, e.g. {@code UA...}
   */
  public String publicKey() {
    return publicKey;
  }

  /**
   * The key's type.
   *
   * @return the key's type
   */
  public KeyType type() {
    return type;
  }

  /**
   * Whether this key holds a seed (can sign) and has not been closed.
   *
   * @return whether this key can sign
   */
  public synchronized boolean hasSeed() {
    return secret != null && !closed;
  }

  /**
   * A fresh copy of the encoded seed; the caller should wipe it after use.
   *
   * @return the encoded seed; wipe it after use
   * @throws IllegalStateException for a verify-only or closed key
   */
  public synchronized char[] seed() {
    return KeyCodec.encodeSeed(type, requireSecret("export a seed"));
  }

  /**
   * Signs {@code data} with Ed25519.
   *
   * @param data the bytes to sign
   * @return the 64-byte signature
   * @throws IllegalStateException for a verify-only, closed or curve key
   */
  public synchronized byte[] sign(byte[] data) {
    if (type == KeyType.CURVE) {
      throw new IllegalStateException("curve (X) keys cannot sign; use XKey to seal boxes");
    }
    byte[] sk = requireSecret("sign");
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(sk, 0, rawPublicKey, 0, data, 0, data.length, signature, 0);
    return signature;
  }

  /**
   * Whether {@code signature} is a valid Ed25519 signature of {@code data} by this key. Returns
   * false (never throws) for a signature of the wrong length.
   *
   * @param data the signed bytes
   * @param signature the signature to check
   * @return whether the signature is valid
   * @throws IllegalStateException for a curve key
   */
  public boolean verify(byte[] data, byte[] signature) {
    if (type == KeyType.CURVE) {
      throw new IllegalStateException("curve (X) keys cannot verify signatures");
    }
    if (signature == null || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return Ed25519.verify(signature, 0, rawPublicKey, 0, data, 0, data.length);
  }

  /** Wipes the secret bytes. Idempotent. */
  @Override
  public synchronized void close() {
    if (secret != null) {
      Arrays.fill(secret, (byte) 0);
    }
    closed = true;
  }

  /** The raw 32 public key bytes (a copy). */
  byte[] rawPublicKey() {
    return rawPublicKey.clone();
  }

  /** The live secret bytes, for {@link XKey}; callers must hold this key's lock. */
  synchronized byte[] requireSecret(String action) {
    if (secret == null) {
      throw new IllegalStateException("cannot " + action + ": this key has no seed (public only)");
    }
    if (closed) {
      throw new IllegalStateException("cannot " + action + ": this key is closed");
    }
    return secret;
  }

  /** Type and public key only; never the seed. */
  @Override
  public String toString() {
    return "NKey[" + type + ", " + publicKey + (secret == null ? ", public only]" : "]");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NKey key && key.publicKey.equals(publicKey);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }
}
