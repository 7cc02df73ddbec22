package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.NatsServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, defect 5: a bucket whose stream has no {@code allow_direct}, as nats.go made them
 * before v1.17, is read through the message-get API: every call works.
 */
class ObjectStoreWithoutDirectGetIT extends ObjectStoreTestBase {

  ObjectStoreWithoutDirectGetIT(NatsServer server) {
    super(server, "ND");
  }

  @Test
  void everyCallWorksOnABucketMadeWithoutAllowDirect() {
    StreamConfig old =
        ObjectStoreManager.streamConfig(
                ObjectStoreConfig.builder(bucket).storage(StorageType.MEMORY).build())
            .toBuilder()
            .allowDirect(false)
            .build();
    js.streams().create(old);
    assertFalse(js.streams().info("OBJ_" + bucket).config().allowDirect());

    ObjectStore store = manager.open(bucket);
    byte[] data = new byte[300_000];
    data[299_999] = 7;
    ObjectInfo put = store.put("a", data);
    assertEquals(put.nuid(), store.info("a").orElseThrow().nuid());
    assertArrayEquals(data, store.getBytes("a"));
    store.put("a", new byte[] {1, 2});
    assertArrayEquals(new byte[] {1, 2}, store.getBytes("a"));
    store.updateMeta("a", ObjectMeta.builder("b").description("renamed").build());
    assertEquals("renamed", store.info("b").orElseThrow().description());
    assertTrue(store.info("a").isEmpty());
    store.addLink("l", store.info("b").orElseThrow());
    assertArrayEquals(new byte[] {1, 2}, store.getBytes("l"));
    assertEquals(List.of("b", "l"), store.list().stream().map(ObjectInfo::name).sorted().toList());
    store.delete("b");
    assertTrue(store.info("b").isEmpty());
    assertTrue(store.info("b", true).orElseThrow().isDeleted());
  }
}
