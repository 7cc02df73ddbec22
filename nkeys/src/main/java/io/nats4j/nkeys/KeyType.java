package io.nats4j.nkeys;

/**
 * The kinds of NATS keys, each with the prefix byte that makes its encoded public key start with a
 * fixed letter ({@code O}, {@code A}, {@code U}, {@code N}, {@code C}, {@code X}). Seeds of every
 * type start with {@code S} followed by that letter ({@code SU...} is a user seed).
 *
 * <p>Immutable and thread-safe.
 */
public enum KeyType {
  /** Operator identity or signing key: {@code O...}. */
  OPERATOR('O', 14 << 3),
  /** Account identity or signing key: {@code A...}. */
  ACCOUNT('A', 0),
  /** User key: {@code U...}. */
  USER('U', 20 << 3),
  /** Server key: {@code N...}. */
  SERVER('N', 13 << 3),
  /** Cluster key: {@code C...}. */
  CLUSTER('C', 2 << 3),
  /** Curve25519 (xkey) key used for sealed boxes, not for signatures: {@code X...}. */
  CURVE('X', 23 << 3);

  /** Prefix byte of every encoded seed (encodes to {@code S}). */
  static final int SEED_PREFIX_BYTE = 18 << 3;

  private final char prefix;
  private final int prefixByte;

  KeyType(char prefix, int prefixByte) {
    this.prefix = prefix;
    this.prefixByte = prefixByte;
  }

  /**
   * The first letter of this type's encoded public key (and the second letter of its seed).
   *
   * @return the prefix letter, e.g. {@code 'U'}
   */
  public char prefix() {
    return prefix;
  }

  /**
   * The raw prefix byte NATS puts before the 32 key bytes of a public key of this type.
   *
   * @return the prefix byte
   */
  public int prefixByte() {
    return prefixByte;
  }

  /** The type whose raw prefix byte is {@code value}, or {@code null} if none. */
  static KeyType fromPrefixByte(int value) {
    for (KeyType type : values()) {
      if (type.prefixByte == value) {
        return type;
      }
    }
    return null;
  }

  /**
   * The type whose public keys start with {@code letter}, or {@code null} if none.
   *
   * @param letter the first letter of an encoded public key
   * @return the type, or {@code null} if no type has that letter
   */
  public static KeyType fromPrefix(char letter) {
    for (KeyType type : values()) {
      if (type.prefix == letter) {
        return type;
      }
    }
    return null;
  }

  /** A lower-case name for messages: "user", "account", ... */
  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
