package io.nats4j.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesAndReadsBack() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("s", "a\"b\\c\n\u0001é");
    value.put("n", 42L);
    value.put("d", 1.5);
    value.put("b", true);
    value.put("z", null);
    value.put("l", List.of(1L, "x", Map.of()));
    String text = Json.write(value);
    assertEquals(
        "{\"s\":\"a\\\"b\\\\c\\n\\u0001é\",\"n\":42,\"d\":1.5,\"b\":true,\"z\":null,"
            + "\"l\":[1,\"x\",{}]}",
        text);
    assertEquals(value, Json.parse(text));
  }

  @Test
  void readsWhatOtherClientsSend() {
    Object parsed =
        Json.parse(
            " {\"metadata\": null, \"endpoints\" : [ ], \"t\":\"\\u00e9\\/\", \"e\": -1.2e3 } ");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("metadata", null);
    expected.put("endpoints", List.of());
    expected.put("t", "é/");
    expected.put("e", -1200.0);
    assertEquals(expected, parsed);
  }

  @Test
  void refusesBrokenText() {
    for (String broken : List.of("", "{", "{\"a\" 1}", "[1,]", "tru", "{} x", "\"open")) {
      assertThrows(IllegalArgumentException.class, () -> Json.parse(broken), broken);
    }
  }
}
