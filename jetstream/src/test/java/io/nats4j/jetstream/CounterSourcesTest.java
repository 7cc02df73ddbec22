package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterSourcesTest {
  @Test
  void readsTheSourcesHeader() {
    Map<String, Map<String, BigInteger>> s =
        Counter.parseSources(
            "{\"EU\":{\"count.eu.hits\":\"7\"},\"US\":{\"count.us.hits\":\"123456789012345678901234567890\"}}");
    assertEquals(BigInteger.valueOf(7), s.get("EU").get("count.eu.hits"));
    assertEquals(
        new BigInteger("123456789012345678901234567890"), s.get("US").get("count.us.hits"));
    assertTrue(Counter.parseSources(null).isEmpty());
  }
}
