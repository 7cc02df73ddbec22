package io.nats4j.nkeys.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {
  @ParameterizedTest
  @CsvSource({
    "f,MY",
    "fo,MZXQ",
    "foo,MZXW6",
    "foob,MZXW6YQ",
    "fooba,MZXW6YTB",
    "foobar,MZXW6YTBOI"
  })
  void base32MatchesRfc4648WithoutPadding(String plain, String encoded) {
    byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
    assertEquals(encoded, new String(Base32.encode(bytes)));
    assertArrayEquals(bytes, Base32.decode(encoded.toCharArray(), "test"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"M", "MZX", "MZXW6Y", "MZ======", "mzxw6"})
  void base32RejectsPaddingImpossibleLengthsAndLowerCase(String text) {
    assertThrows(IllegalArgumentException.class, () -> Base32.decode(text.toCharArray(), "test"));
  }

  @Test
  void base32RejectsNonZeroTrailingBits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZ".toCharArray(), "x"));
    assertEquals("x is not canonical base32 (non-zero trailing bits)", e.getMessage());
  }

  @Test
  void crc16IsXmodem() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x31C3, Crc16.of(check, check.length));
    assertEquals(0, Crc16.of(new byte[0], 0));
  }
}
