package io.nats4j.objectstore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.StorageType;
import io.nats4j.objectstore.internal.ObjectNames;
import io.nats4j.testkit.NatsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectPutIT extends ObjectStoreTestBase {
  private static final int CHUNK = ObjectMeta.DEFAULT_CHUNK_SIZE;

  ObjectPutIT(NatsServer server) {
    super(server, "PUT");
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void storesChunksAndMetaForEveryBoundarySize(StorageType storage) {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).storage(storage).build());
    int[] sizes = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17};
    for (int size : sizes) {
      byte[] data = Chunks.random(size, size);
      ObjectInfo info = store.put("obj-" + size, data);
      long chunks = (size + CHUNK - 1) / CHUNK;
      assertEquals(size, info.size(), "size " + size);
      assertEquals(chunks, info.chunks(), "chunks for " + size);
      assertEquals(Chunks.digest(data), info.digest(), "digest for " + size);
      assertEquals(CHUNK, info.chunkSize());
      assertArrayEquals(data, Chunks.stored(js, bucket, info.nuid()), "stored bytes " + size);
      assertEquals(
          chunks,
          Chunks.count(js, bucket, ObjectNames.chunkSubject(bucket, info.nuid())),
          "chunk messages for " + size);
      ObjectInfo read = store.info("obj-" + size).orElseThrow();
      assertEquals(info.nuid(), read.nuid());
      assertEquals(info.digest(), read.digest());
      assertEquals(size, read.size());
      assertFalse(read.modified().isBefore(info.modified().minusSeconds(60)));
    }
  }

  @Test
  void honoursACustomChunkSize() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    byte[] data = Chunks.random(10_000, 7);
    ObjectInfo info = store.put(ObjectMeta.builder("small-chunks").chunkSize(1000).build(), data);
    assertEquals(10, info.chunks());
    assertEquals(1000, info.chunkSize());
    assertEquals(10, Chunks.count(js, bucket, ObjectNames.chunkSubject(bucket, info.nuid())));
    assertArrayEquals(data, Chunks.stored(js, bucket, info.nuid()));
  }

  @Test
  void refusesAChunkLargerThanTheServersMaxPayloadBeforeSending() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    int tooBig = (int) nc.serverInfo().maxPayload() + 1;
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () ->
                store.put(
                    ObjectMeta.builder("big").chunkSize(tooBig).build(), new byte[tooBig + 5]));
    assertTrue(e.getMessage().contains("payload"), e.getMessage());
    assertEquals(0, Chunks.allChunks(js, bucket));
    assertTrue(store.info("big").isEmpty());
    assertEquals(1, store.put("after", new byte[] {1}).size(), "connection still usable");
  }

  @Test
  void putsFromAFileAndAStreamWithProgress(@TempDir Path dir) throws IOException {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    byte[] data = Chunks.random(2 * CHUNK + 5, 3);
    Path file = dir.resolve("f.bin");
    Files.write(file, data);
    List<long[]> reports = new ArrayList<>();
    ObjectInfo fromFile =
        store.put(
            ObjectMeta.of("file"), file, (bytes, total) -> reports.add(new long[] {bytes, total}));
    assertEquals(Chunks.digest(data), fromFile.digest());
    assertEquals(3, reports.size());
    assertArrayEquals(new long[] {CHUNK, data.length}, reports.get(0));
    assertArrayEquals(new long[] {data.length, data.length}, reports.get(2));

    reports.clear();
    ObjectInfo fromStream =
        store.put(
            ObjectMeta.of("stream"),
            new ByteArrayInputStream(data),
            (bytes, total) -> reports.add(new long[] {bytes, total}));
    assertEquals(fromFile.digest(), fromStream.digest());
    assertArrayEquals(new long[] {data.length, -1}, reports.get(reports.size() - 1));
    assertArrayEquals(data, Chunks.stored(js, bucket, fromStream.nuid()));
  }

  @Test
  void replacingPurgesTheOldChunksOnlyAfterTheNewMeta() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    ObjectInfo first = store.put("r", Chunks.random(3 * CHUNK, 1));
    byte[] second = Chunks.random(CHUNK + 3, 2);
    // Watch the wire: the new meta message, and the purge request of the old chunks.
    java.util.List<String> wire = new java.util.concurrent.CopyOnWriteArrayList<>();
    String oldChunks = ObjectNames.chunkSubject(bucket, first.nuid());
    io.nats4j.client.Dispatcher observer = nc.createDispatcher("put-order");
    observer.subscribe(ObjectNames.metaSubject(bucket, "r"), m -> wire.add("meta"));
    observer.subscribe(
        "$JS.API.STREAM.PURGE.OBJ_" + bucket,
        m -> {
          String body = new String(m.data(), java.nio.charset.StandardCharsets.UTF_8);
          wire.add(body.contains(oldChunks) ? "purge old" : "purge other");
        });
    nc.flush(java.time.Duration.ofSeconds(5));
    ObjectInfo replaced = store.put("r", second);
    io.nats4j.testkit.Await.until(() -> wire.contains("purge old"), "the old chunks' purge");
    observer.close();
    assertEquals(java.util.List.of("meta", "purge old"), wire, "the commit point comes first");
    assertNotEquals(first.nuid(), replaced.nuid());
    assertEquals(0, Chunks.count(js, bucket, ObjectNames.chunkSubject(bucket, first.nuid())));
    assertEquals(2, Chunks.allChunks(js, bucket));
    assertEquals(replaced.nuid(), store.info("r").orElseThrow().nuid());
    assertEquals(1, Chunks.count(js, bucket, ObjectNames.metaSubject(bucket, "r")), "rollup");
  }

  @Test
  void aPutFailingMidwayLeavesTheOldObjectAndNoOrphanChunks() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    byte[] old = Chunks.random(CHUNK + 1, 9);
    ObjectInfo before = store.put("keep", old);
    InputStream failing =
        new InputStream() {
          private int sent;

          @Override
          public int read() throws IOException {
            if (sent >= 5 * CHUNK) {
              throw new IOException("disk gone");
            }
            sent++;
            return 7;
          }
        };
    ObjectStoreException e =
        assertThrows(ObjectStoreException.class, () -> store.put(ObjectMeta.of("keep"), failing));
    assertTrue(e.getMessage().contains("disk gone"), e.getMessage());
    ObjectInfo after = store.info("keep").orElseThrow();
    assertEquals(before.nuid(), after.nuid());
    assertEquals(before.digest(), after.digest());
    assertEquals(2, Chunks.allChunks(js, bucket), "only the old object's chunks remain");
    assertArrayEquals(old, Chunks.stored(js, bucket, before.nuid()));

    assertThrows(ObjectStoreException.class, () -> store.put(ObjectMeta.of("new"), failing));
    assertTrue(store.info("new", true).isEmpty());
    assertEquals(2, Chunks.allChunks(js, bucket));
  }

  @Test
  void namesWithSpacesSlashesDotsAndNonAsciiAreEncodedAsNatsGoDoes() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    for (String name :
        List.of("a b", "dir/sub/file.txt", "..", "café", "日本語/ファイル", "emoji 😀", "x>y*z")) {
      byte[] data = name.getBytes(UTF_8);
      store.put(name, data);
      assertEquals(1, Chunks.count(js, bucket, ObjectNames.metaSubject(bucket, name)), name);
      ObjectInfo info = store.info(name).orElseThrow();
      assertEquals(name, info.name());
      assertArrayEquals(data, Chunks.stored(js, bucket, info.nuid()));
    }
    assertEquals(
        1, Chunks.count(js, bucket, "$O." + bucket + ".M.Y2Fmw6k="), "café as nats.go encodes it");
  }

  @Test
  void invalidNamesAreRefusedBeforeAnythingIsSent() {
    ObjectStore store = manager.create(ObjectStoreConfig.builder(bucket).build());
    assertThrows(IllegalArgumentException.class, () -> store.put("", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> store.put("x\uD800", new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> store.info(""));
    assertThrows(IllegalArgumentException.class, () -> manager.open("bad.bucket"));
    assertThrows(IllegalArgumentException.class, () -> ObjectStoreConfig.builder("a b"));
    assertEquals(0, js.streams().info(ObjectNames.stream(bucket)).state().messages());
  }
}
