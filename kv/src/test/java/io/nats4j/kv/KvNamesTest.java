package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.kv.internal.KvNames;
import org.junit.jupiter.api.Test;

class KvNamesTest {

  @Test
  void keysAcceptTheAlphabetOfTheOtherClients() {
    for (String key : new String[] {"a", "A.b-c_d/e=f", "0", "a.b.c", "=/_-", "x.y.z.1"}) {
      assertEquals(key, KvNames.requireKey(key));
    }
  }

  @Test
  void keysRefuseEverythingElseNamingTheProblem() {
    assertTrue(msg(() -> KvNames.requireKey(null)).contains("required"));
    assertTrue(msg(() -> KvNames.requireKey("")).contains("required"));
    assertTrue(msg(() -> KvNames.requireKey(".a")).contains("start or end"));
    assertTrue(msg(() -> KvNames.requireKey("a.")).contains("start or end"));
    assertTrue(msg(() -> KvNames.requireKey("a..b")).contains("empty token"));
    assertTrue(msg(() -> KvNames.requireKey("a b")).contains("whitespace"));
    assertTrue(msg(() -> KvNames.requireKey("a.*")).contains("wildcards only"));
    assertTrue(msg(() -> KvNames.requireKey("a.>")).contains("wildcards only"));
    assertTrue(msg(() -> KvNames.requireKey("caf\u00e9")).contains("'\u00e9'"));
    assertTrue(msg(() -> KvNames.requireKey("a\r\nPUB x")).contains("control"));
  }

  @Test
  void filtersAllowWholeTokenWildcards() {
    for (String f : new String[] {">", "*", "a.*", "a.>", "*.b.>", "a.*.c"}) {
      assertEquals(f, KvNames.requireFilter(f));
    }
    assertTrue(msg(() -> KvNames.requireFilter("a*")).contains("whole token"));
    assertTrue(msg(() -> KvNames.requireFilter(">.a")).contains("whole last token"));
    assertTrue(msg(() -> KvNames.requireFilter("a..>")).contains("empty token"));
    assertTrue(msg(() -> KvNames.requireFilter("")).contains("required"));
  }

  @Test
  void bucketNamesAreLettersDigitsDashUnderscore() {
    assertEquals("a-B_9", KvNames.requireBucket("a-B_9"));
    assertTrue(msg(() -> KvNames.requireBucket("a.b")).contains("'.'"));
    assertTrue(msg(() -> KvNames.requireBucket("a b")).contains("whitespace"));
    assertTrue(msg(() -> KvNames.requireBucket("a>")).contains("'>'"));
    assertTrue(msg(() -> KvNames.requireBucket("")).contains("required"));
  }

  private static String msg(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
