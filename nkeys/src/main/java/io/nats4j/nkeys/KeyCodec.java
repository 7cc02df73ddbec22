package io.nats4j.nkeys;

import io.nats4j.nkeys.internal.Base32;
import io.nats4j.nkeys.internal.Crc16;
import java.util.Arrays;

/**
 * Encodes and strictly decodes NATS keys: {@code base32(prefix | key | crc16-LE)}.
 *
 * <p>Stateless. Errors name what is wrong (character position, length, checksum, prefix) and never
 * contain the input, since it may be a seed. Intermediate buffers holding seed bytes are wiped.
 */
final class KeyCodec {
  static final int KEY_LENGTH = 32;
  private static final int PUBLIC_RAW_LENGTH = 1 + KEY_LENGTH + 2;
  private static final int SEED_RAW_LENGTH = 2 + KEY_LENGTH + 2;

  /** A decoded key: its type and its 32 raw bytes (the caller owns and wipes them). */
  record Decoded(KeyType type, byte[] key) {}

  private KeyCodec() {}

  static String encodePublic(KeyType type, byte[] key) {
    byte[] raw = new byte[PUBLIC_RAW_LENGTH];
    raw[0] = (byte) type.prefixByte();
    System.arraycopy(key, 0, raw, 1, KEY_LENGTH);
    appendCrc(raw);
    return new String(Base32.encode(raw));
  }

  static char[] encodeSeed(KeyType type, byte[] key) {
    byte[] raw = new byte[SEED_RAW_LENGTH];
    raw[0] = (byte) (KeyType.SEED_PREFIX_BYTE | (type.prefixByte() >>> 5));
    raw[1] = (byte) ((type.prefixByte() & 31) << 3);
    System.arraycopy(key, 0, raw, 2, KEY_LENGTH);
    appendCrc(raw);
    try {
      return Base32.encode(raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Decodes a public key.
   *
   * @param expected the required type, or {@code null} to accept any type
   */
  static Decoded decodePublic(String text, KeyType expected) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("public key is empty");
    }
    byte[] raw = checkedRaw(text.toCharArray(), "public key");
    if ((raw[0] & 0xf8) == KeyType.SEED_PREFIX_BYTE) {
      throw new IllegalArgumentException("expected a public key but got a seed");
    }
    KeyType type = KeyType.fromPrefixByte(raw[0] & 0xff);
    if (type == null) {
      throw new IllegalArgumentException(
          "public key has an unknown prefix '"
              + text.charAt(0)
              + "' (expected one of O A U N C X)");
    }
    if (expected != null && type != expected) {
      throw new IllegalArgumentException(
          "expected "
              + article(expected)
              + " public key ("
              + expected.prefix()
              + "...) but got "
              + article(type)
              + " key ("
              + type.prefix()
              + "...)");
    }
    checkKeyLength(raw.length - 3, "public key");
    return new Decoded(type, Arrays.copyOfRange(raw, 1, 1 + KEY_LENGTH));
  }

  /** Decodes a seed of any type. */
  static Decoded decodeSeed(char[] text) {
    if (text == null || text.length == 0) {
      throw new IllegalArgumentException("seed is empty");
    }
    byte[] raw = checkedRaw(text, "seed");
    try {
      if ((raw[0] & 0xf8) != KeyType.SEED_PREFIX_BYTE) {
        throw new IllegalArgumentException(
            "not a seed: an encoded seed starts with 'S' (a public key cannot be used as a seed)");
      }
      if (raw.length < 4 || (raw[1] & 7) != 0) {
        throw new IllegalArgumentException("seed has an invalid type prefix");
      }
      int typeByte = ((raw[0] & 7) << 5) | ((raw[1] & 0xf8) >>> 3);
      KeyType type = KeyType.fromPrefixByte(typeByte);
      if (type == null) {
        throw new IllegalArgumentException(
            "seed has an unknown key type (second letter must be one of O A U N C X)");
      }
      checkKeyLength(raw.length - 4, "seed");
      return new Decoded(type, Arrays.copyOfRange(raw, 2, 2 + KEY_LENGTH));
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /** Base32-decodes and checks the trailing CRC; returns the bytes without the CRC. */
  private static byte[] checkedRaw(char[] text, String what) {
    byte[] withCrc = Base32.decode(text, what);
    try {
      if (withCrc.length < 4) {
        throw new IllegalArgumentException(what + " is too short");
      }
      int n = withCrc.length - 2;
      int stored = (withCrc[n] & 0xff) | (withCrc[n + 1] & 0xff) << 8;
      if (stored != Crc16.of(withCrc, n)) {
        throw new IllegalArgumentException(what + " has a bad checksum (CRC16 mismatch)");
      }
      return Arrays.copyOf(withCrc, n + 2);
    } finally {
      Arrays.fill(withCrc, (byte) 0);
    }
  }

  private static void checkKeyLength(int length, String what) {
    if (length != KEY_LENGTH) {
      throw new IllegalArgumentException(
          what + " has the wrong length: it holds " + length + " key bytes, expected 32");
    }
  }

  private static void appendCrc(byte[] raw) {
    int n = raw.length - 2;
    int crc = Crc16.of(raw, n);
    raw[n] = (byte) crc;
    raw[n + 1] = (byte) (crc >>> 8);
  }

  private static String article(KeyType type) {
    return (type == KeyType.OPERATOR || type == KeyType.ACCOUNT ? "an " : "a ") + type.label();
  }
}
