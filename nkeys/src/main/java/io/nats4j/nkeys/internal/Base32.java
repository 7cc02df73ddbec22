package io.nats4j.nkeys.internal;

/**
 * RFC 4648 base32 (upper-case alphabet {@code A-Z2-7}) without padding, as NATS encodes keys.
 *
 * <p>Stateless and thread-safe. Decoding is strict: lower-case letters, padding, impossible lengths
 * and non-zero trailing bits are rejected. Error messages give positions, never the characters,
 * because the input may be a seed.
 */
public final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final int[] VALUES = new int[128];

  static {
    java.util.Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length; i++) {
      VALUES[ALPHABET[i]] = i;
    }
  }

  private Base32() {}

  /** Number of characters {@link #encode} produces for {@code byteCount} bytes. */
  public static int encodedLength(int byteCount) {
    return (byteCount * 8 + 4) / 5;
  }

  /** Encodes {@code data} into a new char array (no padding). */
  public static char[] encode(byte[] data) {
    char[] out = new char[encodedLength(data.length)];
    int buffer = 0;
    int bits = 0;
    int o = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out[o++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
        bits -= 5;
      }
    }
    if (bits > 0) {
      out[o++] = ALPHABET[(buffer << (5 - bits)) & 31];
    }
    return out;
  }

  /**
   * Decodes base32 without padding.
   *
   * @param what names the input in error messages, e.g. "seed"
   * @throws IllegalArgumentException naming the position of a bad character or the bad length
   */
  public static byte[] decode(char[] text, String what) {
    int length = text.length;
    int remainder = length % 8;
    if (remainder == 1 || remainder == 3 || remainder == 6) {
      throw new IllegalArgumentException(
          what + " has an impossible base32 length (" + length + " characters)");
    }
    byte[] out = new byte[length * 5 / 8];
    int buffer = 0;
    int bits = 0;
    int o = 0;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      int value = c < 128 ? VALUES[c] : -1;
      if (value < 0) {
        throw new IllegalArgumentException(
            what + " contains a character that is not base32 (A-Z, 2-7) at position " + i);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[o++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new IllegalArgumentException(
          what + " is not canonical base32 (non-zero trailing bits)");
    }
    return out;
  }
}
