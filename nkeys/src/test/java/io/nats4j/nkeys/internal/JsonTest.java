package io.nats4j.nkeys.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  void roundTripsAndEscapesLikeGo() {
    String text = "{\"a\":[1,-2,3.5,true,false,null],\"b\":{\"c\":\"x<y>&\\u2028\\\"\\n\"}}";
    Map<String, Object> parsed = Json.parseObject(text);
    assertEquals(List.of(1L, -2L, 3.5, true, false), ((List<?>) parsed.get("a")).subList(0, 5));
    assertEquals(
        "{\"a\":[1,-2,3.5,true,false,null],\"b\":{\"c\":\"x\\u003cy\\u003e\\u0026\\u2028\\\"\\n\"}}",
        Json.write(parsed));
  }

  @Test
  void readsEscapesNumbersAndLiterals() {
    Map<String, Object> m =
        Json.parseObject(
            " { \"s\" : \"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20ac\" , \"i\":-12, \"big\":"
                + "12345678901234567890, \"max\":9223372036854775807, \"d\":1.5e3, \"t\":true,"
                + " \"f\":false, \"n\":null, \"a\":[], \"o\":{} } ");
    assertEquals("a\"b\\c/d\b\f\n\r\té€", m.get("s"));
    assertEquals(-12L, m.get("i"));
    assertEquals(1.2345678901234567e19, m.get("big"));
    assertEquals(Long.MAX_VALUE, m.get("max"));
    assertEquals(1500.0, m.get("d"));
    assertEquals(Boolean.TRUE, m.get("t"));
    assertEquals(Boolean.FALSE, m.get("f"));
    assertTrue(m.containsKey("n"));
    assertNull(m.get("n"));
    assertEquals(List.of(), m.get("a"));
    assertEquals(Map.of(), m.get("o"));
    assertThrows(UnsupportedOperationException.class, () -> m.put("x", 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\":1,}",
        "[1,]",
        "\"unterminated",
        "{\"a\":tru}",
        "{\"a\":01}",
        "{\"a\":-}",
        "{\"a\":\"\\x\"}",
        "{\"a\":\"\\q\"}",
        "{\"a\":\"\\u12\"}",
        "{} x",
        "{\"a\":\"\u0001\"}",
        "-",
        "1.",
        "1e"
      })
  void rejectsMalformedInputNamingTheOffset(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text), text);
    assertTrue(e.getMessage().matches("invalid JSON: .* at offset \\d+"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parseObject(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", " 1", "\"s\"", "null"})
  void parseObjectRejectsOtherValues(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject(text));
    assertTrue(e.getMessage().startsWith("invalid JSON: expected a JSON object"), e.getMessage());
  }

  @Test
  void rejectsDeepNesting() {
    String deepObject = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
    assertThrows(IllegalArgumentException.class, () -> Json.parseObject(deepObject));
    String deepArray = "[".repeat(100) + "]".repeat(100);
    assertThrows(IllegalArgumentException.class, () -> Json.parse(deepArray));
  }

  @Test
  void failsOnlyWithIllegalArgumentExceptionOnMutatedInput() {
    String claims =
        "{\"jti\":\"ABC\",\"iat\":1700000000,\"iss\":\"OA\",\"name\":\"a\\u00e9\\\"b\","
            + "\"nats\":{\"limits\":{\"subs\":-1,\"data\":1.5e3,\"ok\":true,\"x\":null},"
            + "\"tags\":[\"t1\",\"t2\"],\"type\":\"user\",\"version\":2}}";
    String interesting = "\r\n \t-09:\"{}[],.eE+\\u\0\u00ff";
    Random random = new Random(9);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder input = new StringBuilder(claims);
      for (int edits = 1 + random.nextInt(4); edits > 0 && input.length() > 0; edits--) {
        int at = random.nextInt(input.length());
        char c = interesting.charAt(random.nextInt(interesting.length()));
        switch (random.nextInt(3)) {
          case 0 -> input.setCharAt(at, c);
          case 1 -> input.insert(at, c);
          default -> input.deleteCharAt(at);
        }
      }
      try {
        Json.parseObject(input.toString());
      } catch (IllegalArgumentException expected) {
        // fine
      } catch (RuntimeException | Error e) {
        fail("round " + round + " failed on " + input + " with " + e, e);
      }
    }
  }
}
