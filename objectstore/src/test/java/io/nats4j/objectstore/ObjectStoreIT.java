package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.objectstore.internal.ObjectNames;
import io.nats4j.testkit.NatsServer;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectStoreIT extends ObjectStoreTestBase {

  ObjectStoreIT(NatsServer server) {
    super(server, "OS");
  }

  @Test
  void createsTheStreamAsNatsGoDoesAndReportsStatus() {
    ObjectStore store =
        manager.create(
            ObjectStoreConfig.builder(bucket)
                .description("files")
                .ttl(Duration.ofHours(1))
                .maxBytes(10_000_000)
                .storage(StorageType.FILE)
                .compression(true)
                .metadata("team", "a")
                .build());
    StreamConfig c = js.streams().info("OBJ_" + bucket).config();
    assertEquals(List.of("$O." + bucket + ".C.>", "$O." + bucket + ".M.>"), c.subjects());
    assertEquals(DiscardPolicy.NEW, c.discard());
    assertTrue(c.allowRollupHdrs());
    assertTrue(c.allowDirect());
    assertEquals(Compression.S2, c.compression());
    assertEquals(1, c.numReplicas());

    ObjectStoreStatus s = store.status();
    assertEquals(bucket, s.bucket());
    assertEquals("files", s.description());
    assertEquals(Duration.ofHours(1), s.ttl());
    assertEquals(10_000_000, s.maxBytes());
    assertEquals(StorageType.FILE, s.storage());
    assertEquals(1, s.replicas());
    assertTrue(s.isCompressed());
    assertFalse(s.isSealed());
    assertEquals("a", s.metadata().get("team"));
    assertEquals("JetStream", s.backingStore());
    assertEquals(0, s.size());
    store.put("x", new byte[1000]);
    assertTrue(store.status().size() > 1000);

    StreamConfig defaults =
        js.streams()
            .info(
                manager
                    .create(ObjectStoreConfig.builder(bucket + "d").build())
                    .status()
                    .streamInfo()
                    .config()
                    .name())
            .config();
    assertEquals(-1, defaults.maxBytes());
    assertEquals(Compression.NONE, defaults.compression());
  }

  @Test
  void opensListsUpdatesAndDeletesBuckets() {
    manager.create(ObjectStoreConfig.builder(bucket).build());
    manager.create(ObjectStoreConfig.builder(bucket + "b").storage(StorageType.MEMORY).build());
    js.streams()
        .create(StreamConfig.builder("NOT_A_BUCKET" + bucket).subjects("nab" + bucket).build());
    try {
      assertEquals(List.of(bucket, bucket + "b"), manager.names().stream().sorted().toList());
      assertEquals(2, manager.statuses().size());
      assertEquals(bucket, manager.open(bucket).bucket());
      manager.update(ObjectStoreConfig.builder(bucket).description("new").build());
      assertEquals("new", manager.open(bucket).status().description());
      assertTrue(manager.delete(bucket + "b"));
      assertThrows(BucketNotFoundException.class, () -> manager.open(bucket + "b"));
      assertThrows(BucketNotFoundException.class, () -> manager.delete(bucket + "b"));
      assertThrows(
          BucketNotFoundException.class,
          () -> manager.update(ObjectStoreConfig.builder(bucket + "b").build()));
      assertEquals(
          "x",
          manager
              .createOrUpdate(ObjectStoreConfig.builder(bucket + "c").description("x").build())
              .status()
              .description());
    } finally {
      js.streams().delete("NOT_A_BUCKET" + bucket);
    }
  }

  @Test
  void updateMetaRenamesAndChangesDescriptionHeadersAndMetadata() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    ObjectInfo put = store.put("old", new byte[] {1, 2, 3});
    store.put("taken", new byte[] {9});
    ObjectInfo updated =
        store.updateMeta(
            "old",
            ObjectMeta.builder("new name")
                .description("described")
                .header("Content-Type", "text/plain")
                .metadata("k", "v")
                .build());
    assertEquals("new name", updated.name());
    assertTrue(store.info("old", true).isEmpty(), "old meta purged");
    ObjectInfo read = store.info("new name").orElseThrow();
    assertEquals(put.nuid(), read.nuid());
    assertEquals(put.digest(), read.digest());
    assertEquals("described", read.description());
    assertEquals("text/plain", read.headers().first("Content-Type"));
    assertEquals(Map.of("k", "v"), read.metadata());
    assertArrayEquals(new byte[] {1, 2, 3}, Chunks.stored(js, bucket, read.nuid()));

    assertThrows(
        ObjectAlreadyExistsException.class,
        () -> store.updateMeta("new name", ObjectMeta.of("taken")));
    assertThrows(
        ObjectNotFoundException.class, () -> store.updateMeta("missing", ObjectMeta.of("m")));
  }

  @Test
  void deleteKeepsAMarkerAndPurgesTheChunks() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    ObjectInfo put =
        store.put(
            ObjectMeta.builder("d").description("desc").build(),
            new ByteArrayInputStream(new byte[300_000]));
    ObjectInfo marker = store.delete("d");
    assertTrue(marker.isDeleted());
    assertEquals(0, Chunks.count(js, bucket, ObjectNames.chunkSubject(bucket, put.nuid())));
    assertTrue(store.info("d").isEmpty());
    ObjectInfo kept = store.info("d", true).orElseThrow();
    assertTrue(kept.isDeleted());
    assertEquals(0, kept.size());
    assertEquals(0, kept.chunks());
    assertNull(kept.digest());
    assertEquals(put.nuid(), kept.nuid());
    assertEquals("desc", kept.description());
    assertEquals(ObjectMeta.DEFAULT_CHUNK_SIZE, kept.chunkSize());
    assertThrows(ObjectNotFoundException.class, () -> store.delete("never"));
    assertThrows(ObjectNotFoundException.class, () -> store.updateMeta("d", ObjectMeta.of("e")));
    // a put after a delete is a fresh object
    assertEquals(2, store.put("d", new byte[] {1, 2}).size());
  }

  @Test
  void linksToObjectsAndBucketsAndRefusesBadTargets() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    ObjectStore other = manager.create(ObjectStoreConfig.builder(bucket + "o").build());
    ObjectInfo target = other.put("t", new byte[] {5});
    ObjectInfo link = store.addLink("to-t", target);
    assertEquals(new ObjectLink(bucket + "o", "t"), link.link());
    ObjectInfo read = store.info("to-t").orElseThrow();
    assertTrue(read.isLink());
    assertEquals(new ObjectLink(bucket + "o", "t"), read.link());
    assertEquals(0, read.size());

    ObjectInfo bucketLink = store.addBucketLink("dir", other);
    assertTrue(bucketLink.link().isBucketLink());
    assertTrue(store.info("dir").orElseThrow().link().isBucketLink());

    assertThrows(ObjectLinkException.class, () -> store.addLink("l2", read));
    store.put("plain", new byte[] {1});
    assertThrows(ObjectAlreadyExistsException.class, () -> store.addLink("plain", target));
    ObjectInfo replacedLink = store.addLink("to-t", other.put("t2", new byte[] {6}));
    assertEquals("t2", store.info("to-t").orElseThrow().link().name());
    assertEquals("t2", replacedLink.link().name());

    other.delete("t");
    assertThrows(ObjectLinkException.class, () -> store.addLink("stale", target));
    ObjectInfo deleted = other.info("t", true).orElseThrow();
    ObjectLinkException e =
        assertThrows(ObjectLinkException.class, () -> store.addLink("gone", deleted));
    assertTrue(e.getMessage().contains("deleted"), e.getMessage());
  }

  @Test
  void aSealedStoreRefusesChangesClearly() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    ObjectInfo kept = store.put("kept", new byte[] {1});
    store.seal();
    store.seal();
    assertTrue(store.status().isSealed());
    StoreSealedException put =
        assertThrows(StoreSealedException.class, () -> store.put("new", new byte[300_000]));
    assertTrue(put.getMessage().contains("sealed"), put.getMessage());
    assertThrows(StoreSealedException.class, () -> store.put("kept", new byte[0]));
    assertThrows(StoreSealedException.class, () -> store.delete("kept"));
    assertThrows(
        StoreSealedException.class, () -> store.updateMeta("kept", ObjectMeta.of("renamed")));
    assertThrows(StoreSealedException.class, () -> store.addLink("l", kept));
    assertEquals(kept.nuid(), store.info("kept").orElseThrow().nuid());
    assertArrayEquals(new byte[] {1}, Chunks.stored(js, bucket, kept.nuid()));
  }

  @Test
  void aDeletedBucketIsReportedAsSuch() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    store.put("x", new byte[] {1});
    manager.delete(bucket);
    assertThrows(BucketNotFoundException.class, () -> store.info("x"));
    assertThrows(BucketNotFoundException.class, () -> store.put("y", new byte[] {1}));
    assertThrows(BucketNotFoundException.class, store::status);
    assertThrows(BucketNotFoundException.class, store::seal);
  }

  @Test
  void valuesCompareByContent() {
    assertEquals(
        ObjectMeta.builder("a").description("d").header("K", "v").build(),
        ObjectMeta.builder("a").description("d").header("K", "v").build());
    assertEquals(
        ObjectStoreConfig.builder("b").ttl(Duration.ofSeconds(1)).build(),
        ObjectStoreConfig.builder("b").ttl(Duration.ofSeconds(1)).build());
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    store.put("same", new byte[] {1});
    assertEquals(store.info("same").orElseThrow(), store.info("same").orElseThrow());
    // and differ by content: an equals that always answers true fails here
    assertNotEquals(
        ObjectMeta.builder("a").description("d").header("K", "v").build(),
        ObjectMeta.builder("a").description("d").header("K", "w").build());
    assertNotEquals(
        ObjectMeta.builder("a").description("d").build(),
        ObjectMeta.builder("a").description("e").build());
    assertNotEquals(
        ObjectStoreConfig.builder("b").ttl(Duration.ofSeconds(1)).build(),
        ObjectStoreConfig.builder("b").ttl(Duration.ofSeconds(2)).build());
    assertNotEquals(ObjectStoreConfig.builder("b").build(), ObjectStoreConfig.builder("c").build());
    store.put("other", new byte[] {1});
    assertNotEquals(store.info("same").orElseThrow(), store.info("other").orElseThrow());
    ObjectInfo before = store.info("same").orElseThrow();
    store.put("same", new byte[] {2});
    assertNotEquals(before, store.info("same").orElseThrow());
  }

  /** Issue 16: one unreadable meta is skipped and reported; the listing goes on. */
  @Test
  void listSkipsAndReportsAnUnreadableMeta() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    store.put("good", new byte[] {1});
    js.publish(
        io.nats4j.objectstore.internal.ObjectNames.metaSubject(bucket, "bad"),
        "not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    store.put("later", new byte[] {2});
    List<ObjectStoreException> skipped = new java.util.ArrayList<>();
    List<ObjectInfo> listed = store.list(false, skipped::add);
    assertEquals(List.of("good", "later"), listed.stream().map(ObjectInfo::name).toList());
    assertEquals(1, skipped.size(), skipped.toString());
    assertTrue(skipped.get(0).getMessage().contains("unreadable meta"), skipped.toString());
    assertEquals(2, store.list().size());
  }
}
