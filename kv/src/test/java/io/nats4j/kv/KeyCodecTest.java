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

  /**
   * The stored form is pinned to what the other clients store (orbit.go's kvcodec Base64Codec and
   * nats.js's base64url: each token as RFC 4648 base64url of its UTF-8 bytes, no padding), computed
   * outside this codec: a round trip through our own encoder alone would pass any reversible form.
   */
  @Test
  void base64StoresEachTokenExactlyAsTheOtherClientsDo() {
    KeyCodec c = KeyCodec.base64();
    String[][] known = {
      {"reports.q1 draft", "cmVwb3J0cw.cTEgZHJhZnQ"},
      {"caf\u00e9.\u65e5\u672c", "Y2Fmw6k.5pel5pys"},
      {"a*b.>x", "YSpi.Png"},
      {"x", "eA"},
      {"??>", "Pz8-"},
      {"\u00ff\u00fe~~", "w7_Dvn5-"},
    };
    for (String[] k : known) {
      assertEquals(k[1], Codecs.encodeKey(c, k[0]), k[0]);
      assertEquals(k[0], Codecs.decodeKey(c, k[1]));
    }
    assertEquals("cmVwb3J0cw.*.>", Codecs.encodeFilter(c, "reports.*.>"));
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
