package io.nats4j.nkeys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats4j.nkeys.internal.Base32;
import io.nats4j.nkeys.internal.Crc16;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XKeyTest {
  private static final Map<String, Object> GO = Vectors.section("xkey");
  private static final byte[] PLAIN = "hello auth callout".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealThenOpenRoundTrips() {
    try (XKey alice = XKey.create();
        XKey bob = XKey.create()) {
      byte[] sealed = alice.seal(PLAIN, bob.publicKey());
      assertEquals(4 + 24 + 16 + PLAIN.length, sealed.length);
      assertEquals("xkv1", new String(sealed, 0, 4, StandardCharsets.US_ASCII));
      assertArrayEquals(PLAIN, bob.open(sealed, alice.publicKey()));
      assertArrayEquals(
          new byte[0], bob.open(alice.seal(new byte[0], bob.publicKey()), alice.publicKey()));
      try (XKey again = XKey.fromSeed(bob.seed())) {
        assertArrayEquals(PLAIN, again.open(sealed, alice.publicKey()));
      }
    }
  }

  @Test
  void opensABoxSealedByGo() {
    byte[] sealed = Base64.getDecoder().decode((String) GO.get("sealed_base64"));
    try (XKey recipient = XKey.fromSeed(((String) GO.get("recipient_seed")).toCharArray())) {
      assertEquals(GO.get("recipient_public"), recipient.publicKey());
      byte[] plain = recipient.open(sealed, (String) GO.get("sender_public"));
      assertEquals(GO.get("plain"), new String(plain, StandardCharsets.UTF_8));
    }
  }

  @Test
  void sealsTheSameBytesAsGoForTheSameNonce() {
    byte[] goSealed = Base64.getDecoder().decode((String) GO.get("sealed_base64"));
    byte[] nonce = Arrays.copyOfRange(goSealed, 4, 28);
    try (XKey sender = XKey.fromSeed(((String) GO.get("sender_seed")).toCharArray())) {
      assertEquals(GO.get("sender_public"), sender.publicKey());
      byte[] sealed =
          sender.seal(
              ((String) GO.get("plain")).getBytes(StandardCharsets.UTF_8),
              (String) GO.get("recipient_public"),
              nonce);
      assertArrayEquals(goSealed, sealed);
    }
  }

  @Test
  void tamperedBoxesAreRejected() {
    try (XKey alice = XKey.create();
        XKey bob = XKey.create();
        XKey eve = XKey.create()) {
      byte[] sealed = alice.seal(PLAIN, bob.publicKey());
      for (int i = 4; i < sealed.length; i++) {
        byte[] bad = sealed.clone();
        bad[i] ^= 0x01;
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class,
                () -> bob.open(bad, alice.publicKey()),
                "byte " + i);
        assertEquals(
            "sealed message could not be decrypted (tampered, or not sealed by this sender for this key)",
            e.getMessage());
      }
      byte[] badVersion = sealed.clone();
      badVersion[3] = '2';
      assertThrows(IllegalArgumentException.class, () -> bob.open(badVersion, alice.publicKey()));
      assertThrows(
          IllegalArgumentException.class,
          () -> bob.open(Arrays.copyOf(sealed, 28), alice.publicKey()));
      assertThrows(
          IllegalArgumentException.class,
          () -> bob.open(Arrays.copyOf(sealed, sealed.length - 1), alice.publicKey()));
      assertThrows(
          IllegalArgumentException.class, () -> bob.open(sealed, eve.publicKey()), "wrong sender");
      assertThrows(
          IllegalArgumentException.class,
          () -> eve.open(sealed, alice.publicKey()),
          "wrong recipient");
    }
  }

  @Test
  void allZeroAndLowOrderPublicKeysAreRefused() {
    try (XKey alice = XKey.create()) {
      String zero = curveKey(new byte[32]);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> alice.seal(PLAIN, zero));
      assertEquals("curve public key is all zeros", e.getMessage());
      // u = 1 is a small-order point: the X25519 result is all zeros whatever the private key.
      byte[] one = new byte[32];
      one[0] = 1;
      e = assertThrows(IllegalArgumentException.class, () -> alice.seal(PLAIN, curveKey(one)));
      assertEquals(
          "curve public key is of low order (the shared secret would be all zeros)",
          e.getMessage());
      byte[] sealed = new byte[100];
      System.arraycopy("xkv1".getBytes(StandardCharsets.US_ASCII), 0, sealed, 0, 4);
      assertThrows(IllegalArgumentException.class, () -> alice.open(sealed, zero));
    }
  }

  @Test
  void keysOfOtherTypesAreRefused() {
    String userSeed = (String) Vectors.key(KeyType.USER).get("seed");
    String userPub = (String) Vectors.key(KeyType.USER).get("public_key");
    assertThrows(IllegalArgumentException.class, () -> XKey.fromSeed(userSeed.toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> XKey.fromPublicKey(userPub));
    try (XKey alice = XKey.create()) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> alice.seal(PLAIN, userPub));
      assertEquals(
          "recipient key: expected a curve public key (X...) but got a user key (U...)",
          e.getMessage());
      XKey publicOnly = XKey.fromPublicKey(alice.publicKey());
      assertThrows(IllegalStateException.class, () -> publicOnly.seal(PLAIN, alice.publicKey()));
      alice.close();
      assertThrows(IllegalStateException.class, () -> alice.seal(PLAIN, publicOnly.publicKey()));
    }
  }

  private static String curveKey(byte[] raw) {
    byte[] all = new byte[35];
    all[0] = (byte) KeyType.CURVE.prefixByte();
    System.arraycopy(raw, 0, all, 1, 32);
    int crc = Crc16.of(all, 33);
    all[33] = (byte) crc;
    all[34] = (byte) (crc >>> 8);
    return new String(Base32.encode(all));
  }
}
