package io.nats4j.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Meta JSON captured from natscli 0.5.0 (nats.go) against nats-server 2.15.2. */
class MetaJsonTest {
  static final String WITH_HEADERS =
      "{\"name\":\"x\\u003cy\\u003e\\u0026\\\"z\",\"description\":\"d\\u003c\\u0026\\u003e\","
          + "\"headers\":{\"A\":[\"1\",\"0\"],\"B\":[\"2\"]},\"options\":{\"max_chunk_size\":131072},"
          + "\"bucket\":\"B2\",\"nuid\":\"IwjbvJNFxXVrTzA4DWRZdA\",\"size\":11,"
          + "\"mtime\":\"0001-01-01T00:00:00Z\",\"chunks\":1,"
          + "\"digest\":\"SHA-256=uU0nuZNNPgilLlLX2n2r-sSE7-N6U4DukIj3rOLvzek=\"}";
  static final String EMPTY =
      "{\"name\":\"e\",\"options\":{\"max_chunk_size\":131072},\"bucket\":\"B2\","
          + "\"nuid\":\"Z65NSYSuLdOWCYLJsi2KzN\",\"size\":0,\"mtime\":\"0001-01-01T00:00:00Z\","
          + "\"chunks\":0,\"digest\":\"SHA-256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=\"}";
  static final String DELETED =
      "{\"name\":\"gone\",\"options\":{\"max_chunk_size\":131072},\"bucket\":\"B2\","
          + "\"nuid\":\"iTYgaM0O8ubEhAy5SwkL3F\",\"size\":0,\"mtime\":\"0001-01-01T00:00:00Z\","
          + "\"chunks\":0,\"deleted\":true}";
  static final String NON_ASCII =
      "{\"name\":\"a b/c.d é\",\"options\":{\"max_chunk_size\":131072},\"bucket\":\"B1\","
          + "\"nuid\":\"sgR7ys7VFL6a6KJMmFK1Sa\",\"size\":11,\"mtime\":\"0001-01-01T00:00:00Z\","
          + "\"chunks\":1,\"digest\":\"SHA-256=uU0nuZNNPgilLlLX2n2r-sSE7-N6U4DukIj3rOLvzek=\"}";
  static final String LINK =
      "{\"name\":\"l\",\"options\":{\"link\":{\"bucket\":\"B2\",\"name\":\"e\"}},\"bucket\":\"B2\","
          + "\"nuid\":\"Z65NSYSuLdOWCYLJsi2KzN\",\"size\":0,\"mtime\":\"0001-01-01T00:00:00Z\","
          + "\"chunks\":0}";

  @ParameterizedTest
  @ValueSource(strings = {WITH_HEADERS, EMPTY, DELETED, NON_ASCII, LINK})
  void reEncodesWhatNatsGoWroteByteForByte(String json) {
    ObjectInfo info = MetaJson.decode(json.getBytes(UTF_8), Instant.EPOCH);
    assertEquals(json, new String(MetaJson.encode(info), UTF_8));
  }

  @Test
  void readsEveryField() {
    ObjectInfo info = MetaJson.decode(WITH_HEADERS.getBytes(UTF_8), Instant.EPOCH);
    assertEquals("x<y>&\"z", info.name());
    assertEquals("d<&>", info.description());
    assertEquals(List.of("1", "0"), info.headers().get("A"));
    assertEquals(131072, info.chunkSize());
    assertEquals("B2", info.bucket());
    assertEquals(11, info.size());
    assertEquals(1, info.chunks());
    assertEquals(Instant.EPOCH, info.modified());
    assertFalse(info.isDeleted());
    assertFalse(info.isLink());

    ObjectInfo deleted = MetaJson.decode(DELETED.getBytes(UTF_8), Instant.EPOCH);
    assertTrue(deleted.isDeleted());
    assertNull(deleted.digest());

    ObjectInfo link = MetaJson.decode(LINK.getBytes(UTF_8), Instant.EPOCH);
    assertEquals(new ObjectLink("B2", "e"), link.link());
  }

  @Test
  void escapesControlCharactersAsGoDoes() {
    ObjectInfo info =
        new ObjectInfo(
            "a\u0001\n\t\b\f\u2028",
            null,
            null,
            null,
            false,
            null,
            0,
            "B",
            "N",
            0,
            null,
            0,
            null,
            false);
    String json = new String(MetaJson.encode(info), UTF_8);
    assertTrue(json.startsWith("{\"name\":\"a\\u0001\\n\\t\\b\\f\\u2028\""), json);
  }

  @Test
  void refusesJsonThatIsNotAMeta() {
    assertThrows(ObjectStoreException.class, () -> MetaJson.decode("[1]".getBytes(UTF_8), null));
    assertThrows(ObjectStoreException.class, () -> MetaJson.decode("{".getBytes(UTF_8), null));
  }
}
