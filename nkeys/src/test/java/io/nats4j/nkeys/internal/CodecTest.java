package io.nats4j.nkeys.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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

  @Test
  void jsonRoundTripsAndEscapesLikeGo() {
    String text = "{\"a\":[1,-2,3.5,true,false,null],\"b\":{\"c\":\"x<y>&\\u2028\\\"\\n\"}}";
    Map<String, Object> parsed = Json.parseObject(text);
    assertEquals(List.of(1L, -2L, 3.5, true, false), ((List<?>) parsed.get("a")).subList(0, 5));
    assertEquals(
        "{\"a\":[1,-2,3.5,true,false,null],\"b\":{\"c\":\"x\\u003cy\\u003e\\u0026\\u2028\\\"\\n\"}}",
        Json.write(parsed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "{\"a\":tru}",
        "{} x",
        "{\"a\":\"\\q\"}",
        "{\"a\":-}"
      })
  void jsonRejectsMalformedInput(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(text));
    assertTrue(e.getMessage().startsWith("invalid JSON: "), e.getMessage());
  }

  @Test
  void jsonRejectsDeepNesting() {
    String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    assertThrows(IllegalArgumentException.class, () -> Json.parseObject(deep));
  }
}
