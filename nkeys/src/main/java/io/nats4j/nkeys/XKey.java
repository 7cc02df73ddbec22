package io.nats4j.nkeys;

import io.nats4j.nkeys.internal.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A curve25519 key ({@code X...}, seed {@code SX...}) that seals and opens boxes compatible with
 * the Go nkeys library ({@code Seal}/{@code Open}) and so with auth callout's encrypted requests.
 *
 * <p>A sealed message is {@code "xkv1"} (4 ASCII bytes) + a random 24-byte nonce + a NaCl box
 * (X25519, HSalsa20, XSalsa20-Poly1305: 16-byte tag then ciphertext).
 *
 * <pre>{@code
 * try (XKey server = XKey.create(); XKey service = XKey.create()) {
 *   byte[] sealed = server.seal(request, service.publicKey());
 *   byte[] plain = service.open(sealed, server.publicKey());
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} wipes the private key, after which
 * seal/open throw {@link IllegalStateException}. An all-zero or low-order peer public key is
 * refused (its shared secret would be predictable).
 */
public final class XKey implements AutoCloseable {
  private static final byte[] VERSION = "xkv1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final NKey key;

  private XKey(NKey key) {
    this.key = key;
  }

  /**
   * A new random curve key.
   *
   * @return the new key; close it to wipe its seed
   */
  public static XKey create() {
    return new XKey(NKey.create(KeyType.CURVE));
  }

  /**
   * The curve key of an {@code SX...} seed (copied; the caller may wipe its array).
   *
   * @param encodedSeed the encoded seed ({@code SX...})
   * @return the key; close it to wipe its seed
   * @throws IllegalArgumentException if the seed is malformed or not a curve seed
   */
  public static XKey fromSeed(char[] encodedSeed) {
    NKey key = NKey.fromSeed(encodedSeed);
    if (key.type() != KeyType.CURVE) {
      key.close();
      throw new IllegalArgumentException(
          "expected a curve seed (SX...), got a " + key.type() + " seed");
    }
    return new XKey(key);
  }

  /**
   * A public-only curve key ({@code X...}); it can be a recipient or sender but cannot seal or
   * open.
   *
   * @param encodedPublicKey the encoded public key ({@code X...})
   * @return a public-only key
   * @throws IllegalArgumentException if the key is malformed or not a curve key
   */
  public static XKey fromPublicKey(String encodedPublicKey) {
    return new XKey(NKey.fromPublicKey(encodedPublicKey, KeyType.CURVE));
  }

  /**
   * The encoded public key {@code X...}.
   *
   * @return the encoded public key
   */
  public String publicKey() {
    return key.publicKey();
  }

  /**
   * A copy of the encoded seed {@code SX...}; wipe it after use.
   *
   * @return the encoded seed; wipe it after use
   */
  public char[] seed() {
    return key.seed();
  }

  /**
   * Encrypts and authenticates {@code plain} for {@code recipientPublicKey} ({@code X...}).
   *
   * @param plain the bytes to encrypt
   * @param recipientPublicKey the recipient's encoded public key
   * @return {@code "xkv1" | nonce(24) | tag(16) | ciphertext}
   * @throws IllegalArgumentException if the recipient key is malformed, all-zero or of low order
   * @throws IllegalStateException if this key is public-only or closed
   */
  public byte[] seal(byte[] plain, String recipientPublicKey) {
    byte[] nonce = new byte[SecretBox.NONCE_LENGTH];
    RANDOM.nextBytes(nonce);
    return seal(plain, recipientPublicKey, nonce);
  }

  /** {@link #seal} with a given nonce (tests only: nonces must never repeat). */
  byte[] seal(byte[] plain, String recipientPublicKey, byte[] nonce) {
    byte[] recipient = peer(recipientPublicKey, "recipient");
    byte[] box;
    synchronized (key) {
      box = SecretBox.seal(key.requireSecret("seal"), recipient, nonce, plain);
    }
    byte[] out = new byte[VERSION.length + nonce.length + box.length];
    System.arraycopy(VERSION, 0, out, 0, VERSION.length);
    System.arraycopy(nonce, 0, out, VERSION.length, nonce.length);
    System.arraycopy(box, 0, out, VERSION.length + nonce.length, box.length);
    return out;
  }

  /**
   * Decrypts a message sealed by {@code senderPublicKey} for this key.
   *
   * @param sealed the bytes {@link #seal} produced
   * @param senderPublicKey the sender's encoded public key
   * @return the decrypted bytes
   * @throws IllegalArgumentException if the message is too short, lacks the {@code xkv1} prefix,
   *     was tampered with or was not sealed by that sender for this key, or if the sender key is
   *     malformed, all-zero or of low order
   * @throws IllegalStateException if this key is public-only or closed
   */
  public byte[] open(byte[] sealed, String senderPublicKey) {
    int header = VERSION.length + SecretBox.NONCE_LENGTH;
    if (sealed == null || sealed.length <= header) {
      throw new IllegalArgumentException("sealed message is too short");
    }
    if (!Arrays.equals(sealed, 0, VERSION.length, VERSION, 0, VERSION.length)) {
      throw new IllegalArgumentException("sealed message does not start with the xkv1 version");
    }
    byte[] sender = peer(senderPublicKey, "sender");
    byte[] nonce = Arrays.copyOfRange(sealed, VERSION.length, header);
    byte[] box = Arrays.copyOfRange(sealed, header, sealed.length);
    byte[] plain;
    synchronized (key) {
      plain = SecretBox.open(key.requireSecret("open"), sender, nonce, box);
    }
    if (plain == null) {
      throw new IllegalArgumentException(
          "sealed message could not be decrypted (tampered, or not sealed by this sender for this key)");
    }
    return plain;
  }

  /** Wipes the private key. Idempotent. */
  @Override
  public void close() {
    key.close();
  }

  /** The public key only. */
  @Override
  public String toString() {
    return "XKey[" + key.publicKey() + "]";
  }

  private static byte[] peer(String publicKey, String role) {
    try {
      return KeyCodec.decodePublic(publicKey, KeyType.CURVE).key();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(role + " key: " + e.getMessage(), e);
    }
  }
}
