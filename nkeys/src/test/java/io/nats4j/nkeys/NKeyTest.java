package io.nats4j.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.internal.Base32;
import io.nats4j.nkeys.internal.Crc16;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NKeyTest {
  private static final byte[] MESSAGE = Vectors.message().getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void createdKeyRoundTripsThroughItsSeed(KeyType type) {
    try (NKey key = NKey.create(type)) {
      assertEquals(type, key.type());
      assertEquals(type.prefix(), key.publicKey().charAt(0));
      assertEquals(56, key.publicKey().length());
      char[] seed = key.seed();
      assertEquals(58, seed.length);
      assertEquals('S', seed[0]);
      assertEquals(type.prefix(), seed[1]);
      try (NKey again = NKey.fromSeed(seed)) {
        assertEquals(key.publicKey(), again.publicKey());
        assertArrayEquals(seed, again.seed());
      }
      NKey pub = NKey.fromPublicKey(key.publicKey());
      assertEquals(type, pub.type());
      assertFalse(pub.hasSeed());
      if (type != KeyType.CURVE) {
        byte[] signature = key.sign(MESSAGE);
        assertEquals(64, signature.length);
        assertTrue(pub.verify(MESSAGE, signature));
        assertTrue(key.verify(MESSAGE, signature));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void matchesGoKnownAnswers(KeyType type) {
    Map<String, Object> vector = Vectors.key(type);
    String seed = (String) vector.get("seed");
    try (NKey key = NKey.fromSeed(seed.toCharArray())) {
      assertEquals(vector.get("public_key"), key.publicKey());
      assertEquals(seed, new String(key.seed()));
      try (NKey fromRaw = NKey.fromRaw(type, Vectors.hex((String) vector.get("raw_seed_hex")))) {
        assertEquals(seed, new String(fromRaw.seed()));
      }
      if (type != KeyType.CURVE) {
        byte[] goSignature = Base64.getUrlDecoder().decode((String) vector.get("signature"));
        assertArrayEquals(goSignature, key.sign(MESSAGE), "Ed25519 is deterministic");
        NKey pub = NKey.fromPublicKey((String) vector.get("public_key"));
        assertTrue(pub.verify(MESSAGE, goSignature));
        assertEquals(vector.get("signature"), Nonces.sign(key, MESSAGE));
        assertEquals(vector.get("signature"), Nonces.sign(key, Vectors.message()));
        assertTrue(Nonces.verify(pub, MESSAGE, (String) vector.get("signature")));
        assertFalse(Nonces.verify(pub, MESSAGE, "not base64 !"));
      }
    }
  }

  @Test
  void tamperedSignatureOrMessageIsRejected() {
    try (NKey key = NKey.create(KeyType.USER)) {
      byte[] signature = key.sign(MESSAGE);
      for (int i = 0; i < signature.length; i += 7) {
        byte[] bad = signature.clone();
        bad[i] ^= 1;
        assertFalse(key.verify(MESSAGE, bad), "flipped bit in byte " + i);
      }
      byte[] otherMessage = MESSAGE.clone();
      otherMessage[0] ^= 1;
      assertFalse(key.verify(otherMessage, signature));
      assertFalse(key.verify(MESSAGE, Arrays.copyOf(signature, 63)));
      try (NKey other = NKey.create(KeyType.USER)) {
        assertFalse(other.verify(MESSAGE, signature));
      }
    }
  }

  @Test
  void badChecksumIsRejectedWithoutEchoingTheSeed() {
    String seed = (String) Vectors.key(KeyType.USER).get("seed");
    char[] tampered = seed.toCharArray();
    tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(tampered));
    assertEquals("seed has a bad checksum (CRC16 mismatch)", e.getMessage());
    assertNoSecret(e, seed);

    String pub = (String) Vectors.key(KeyType.USER).get("public_key");
    String tamperedPub =
        pub.substring(0, 30) + (pub.charAt(30) == 'A' ? 'B' : 'A') + pub.substring(31);
    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey(tamperedPub));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(chars = {'0', '1', '8', '9', 'a', 'u', '=', ' ', '-', 'é'})
  void nonBase32CharacterIsRejectedByPosition(char bad) {
    String seed = (String) Vectors.key(KeyType.USER).get("seed");
    char[] tampered = seed.toCharArray();
    tampered[10] = bad;
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(tampered));
    assertEquals(
        "seed contains a character that is not base32 (A-Z, 2-7) at position 10", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {31, 33, 16, 64})
  void keysOfWrongLengthWithValidChecksumAreRejected(int keyLength) {
    byte[] key = new byte[keyLength];
    Arrays.fill(key, (byte) 0x5a);
    String pub = encode(new byte[] {(byte) KeyType.USER.prefixByte()}, key);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey(pub));
    assertEquals(
        "public key has the wrong length: it holds " + keyLength + " key bytes, expected 32",
        e.getMessage());

    int typeByte = KeyType.USER.prefixByte();
    byte[] seedPrefix = {
      (byte) (KeyType.SEED_PREFIX_BYTE | typeByte >>> 5), (byte) ((typeByte & 31) << 3)
    };
    char[] seed = encode(seedPrefix, key).toCharArray();
    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(seed));
    assertTrue(e.getMessage().startsWith("seed has the wrong length"), e.getMessage());
  }

  @Test
  void wrongPrefixesAreRejected() {
    String userPub = (String) Vectors.key(KeyType.USER).get("public_key");
    String userSeed = (String) Vectors.key(KeyType.USER).get("seed");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NKey.fromPublicKey(userPub, KeyType.ACCOUNT));
    assertEquals("expected an account public key (A...) but got a user key (U...)", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(userPub.toCharArray()));
    assertTrue(e.getMessage().startsWith("not a seed"), e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey(userSeed));
    assertEquals("expected a public key but got a seed", e.getMessage());
    assertNoSecret(e, userSeed);

    // A valid checksum over an unknown prefix byte (25 << 3 encodes to 'Z').
    byte[] key = new byte[32];
    String unknown = encode(new byte[] {(byte) (25 << 3)}, key);
    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey(unknown));
    assertTrue(e.getMessage().contains("unknown prefix 'Z'"), e.getMessage());

    // A seed whose type byte is not a key type.
    int typeByte = 25 << 3;
    byte[] seedPrefix = {
      (byte) (KeyType.SEED_PREFIX_BYTE | typeByte >>> 5), (byte) ((typeByte & 31) << 3)
    };
    char[] badSeed = encode(seedPrefix, key).toCharArray();
    e = assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(badSeed));
    assertTrue(e.getMessage().contains("unknown key type"), e.getMessage());
  }

  @Test
  void emptyAndTruncatedInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> NKey.fromSeed(new char[0]));
    assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey(""));
    assertThrows(IllegalArgumentException.class, () -> NKey.fromPublicKey("UA"));
    String seed = (String) Vectors.key(KeyType.USER).get("seed");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NKey.fromSeed(seed.substring(0, 57).toCharArray()));
    assertNoSecret(e, seed);
  }

  @Test
  void closeWipesTheSeedAndKeepsThePublicKey() {
    NKey key = NKey.create(KeyType.USER);
    String pub = key.publicKey();
    key.close();
    key.close();
    assertEquals(pub, key.publicKey());
    assertFalse(key.hasSeed());
    assertThrows(IllegalStateException.class, key::seed);
    assertThrows(IllegalStateException.class, () -> key.sign(MESSAGE));
    NKey verifyOnly = NKey.fromPublicKey(pub);
    assertThrows(IllegalStateException.class, verifyOnly::seed);
    assertThrows(IllegalStateException.class, () -> verifyOnly.sign(MESSAGE));
  }

  @Test
  void toStringNeverShowsTheSeed() {
    try (NKey key = NKey.create(KeyType.ACCOUNT)) {
      String seed = new String(key.seed());
      assertEquals("NKey[ACCOUNT, " + key.publicKey() + "]", key.toString());
      assertFalse(key.toString().contains(seed));
    }
  }

  @Test
  void curveKeysCannotSign() {
    try (NKey key = NKey.create(KeyType.CURVE)) {
      assertThrows(IllegalStateException.class, () -> key.sign(MESSAGE));
      assertThrows(IllegalStateException.class, () -> key.verify(MESSAGE, new byte[64]));
    }
  }

  @Test
  void isValidPublicKeyChecksType() {
    String account = (String) Vectors.key(KeyType.ACCOUNT).get("public_key");
    assertTrue(NKey.isValidPublicKey(account, KeyType.ACCOUNT));
    assertTrue(NKey.isValidPublicKey(account, null));
    assertFalse(NKey.isValidPublicKey(account, KeyType.USER));
    assertFalse(NKey.isValidPublicKey("not a key", null));
  }

  private static String encode(byte[] prefix, byte[] key) {
    byte[] raw = new byte[prefix.length + key.length + 2];
    System.arraycopy(prefix, 0, raw, 0, prefix.length);
    System.arraycopy(key, 0, raw, prefix.length, key.length);
    int crc = Crc16.of(raw, raw.length - 2);
    raw[raw.length - 2] = (byte) crc;
    raw[raw.length - 1] = (byte) (crc >>> 8);
    return new String(Base32.encode(raw));
  }

  static void assertNoSecret(Throwable e, String secret) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      assertFalse(message.contains(secret), "message echoes the secret: " + message);
      assertFalse(
          message.contains(secret.substring(2, 20)),
          "message echoes part of the secret: " + message);
    }
  }
}
