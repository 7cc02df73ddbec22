package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.kv.KeyCodec.Codecs;
import io.nats4j.kv.internal.KvNames;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

  @Test
  void base64EncodesEachTokenIntoKeyCharactersAndBack() {
    KeyCodec c = KeyCodec.base64();
    for (String key : new String[] {"read me.txt", "caf\u00e9.\u65e5\u672c", "a*b.>x", "x"}) {
      String stored = Codecs.encodeKey(c, key);
      assertEquals(stored, KvNames.requireKey(stored), "a valid stored key");
      assertEquals(key.split("\\.").length, stored.split("\\.").length, "tokens kept");
      assertEquals(key, Codecs.decodeKey(c, stored));
    }
  }

  @Test
  void filtersKeepTheirWildcardTokens() {
    KeyCodec c = KeyCodec.base64();
    String f = Codecs.encodeFilter(c, "dir one.*.>");
    assertTrue(f.endsWith(".*.>"), f);
    assertEquals(Codecs.encodeKey(c, "dir one"), f.substring(0, f.indexOf('.')));
    assertEquals(f, KvNames.requireFilter(f));
  }

  @Test
  void identityChangesNothingAndEmptyTokensAreRefused() {
    assertEquals("a.b", Codecs.encodeKey(KeyCodec.identity(), "a.b"));
    assertThrows(IllegalArgumentException.class, () -> Codecs.encodeKey(KeyCodec.base64(), "a..b"));
  }
}
