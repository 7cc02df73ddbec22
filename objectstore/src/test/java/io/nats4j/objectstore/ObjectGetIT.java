package io.nats4j.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.objectstore.ObjectIntegrityException.Reason;
import io.nats4j.objectstore.internal.ObjectNames;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectGetIT extends ObjectStoreTestBase {
  private static final int CHUNK = ObjectMeta.DEFAULT_CHUNK_SIZE;

  private ObjectStore store;
  @TempDir Path dir;

  ObjectGetIT(NatsServer server) {
    super(server, "GET");
  }

  @BeforeEach
  void createStore() {
    store = manager.create(ObjectStoreConfig.builder(bucket).storage(StorageType.MEMORY).build());
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void roundTripsEveryBoundarySizeEveryWay(StorageType storage) throws IOException {
    ObjectStore s =
        manager.create(ObjectStoreConfig.builder(bucket + storage).storage(storage).build());
    for (int size : new int[] {0, 1, CHUNK, CHUNK + 1, 5 * 1024 * 1024 + 3}) {
      byte[] data = Chunks.random(size, size + 1);
      String name = "o " + size;
      s.put(name, data);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ObjectInfo info = s.get(name, out);
      assertArrayEquals(data, out.toByteArray(), "stream " + size);
      assertEquals(size, info.size());

      assertArrayEquals(data, s.getBytes(name), "bytes " + size);

      try (ObjectReader reader = s.reader(name)) {
        assertArrayEquals(data, readInSmallSteps(reader), "reader " + size);
        assertEquals(-1, reader.read());
      }
      try (ObjectReader reader = s.reader(name);
          BufferedSource source = Okio.buffer(reader.source())) {
        assertArrayEquals(data, source.readByteArray(), "okio source " + size);
      }
      Path file = dir.resolve("f" + size);
      s.get(name, file);
      assertArrayEquals(data, Files.readAllBytes(file), "file " + size);
    }
  }

  private static byte[] readInSmallSteps(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[7919];
    for (int n; (n = in.read(buf)) != -1; ) {
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  @Test
  void roundTripsCustomChunkSizesWithProgress() {
    byte[] data = Chunks.random(1_000_003, 4);
    for (int chunkSize : new int[] {1000, 64 * 1024, 1024 * 1024}) {
      store.put(ObjectMeta.builder("c").chunkSize(chunkSize).build(), data);
      List<long[]> reports = new ArrayList<>();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.get("c", out, (bytes, total) -> reports.add(new long[] {bytes, total}));
      assertArrayEquals(data, out.toByteArray(), "chunk size " + chunkSize);
      assertEquals((data.length + chunkSize - 1) / chunkSize, reports.size());
      assertArrayEquals(new long[] {data.length, data.length}, reports.get(reports.size() - 1));
    }
  }

  @Test
  void aGetSurvivesAReconnectInTheMiddleOfItsChunks() {
    // Chunks are read from the socket straight into their messages; a connection lost in the
    // middle of one leaves no torn chunk behind: the ordered consumer resumes after the last whole
    // one. The object is larger than the read window, so chunks are still in flight.
    byte[] data = Chunks.random(24 * 1024 * 1024 + 5, 41);
    store.put(ObjectMeta.builder("r").chunkSize(512 * 1024).build(), data);
    AtomicInteger reconnects = new AtomicInteger();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    store.get(
        "r",
        out,
        (bytes, total) -> {
          if (bytes >= total / 4 && reconnects.get() == 0
              || bytes >= total / 2 && reconnects.get() == 1) {
            reconnects.incrementAndGet();
            nc.forceReconnect();
          }
        });
    assertEquals(2, reconnects.get());
    assertArrayEquals(data, out.toByteArray());
  }

  @Test
  void followsLinksAndRefusesBucketLinksAndDanglingOnes() {
    ObjectStore other = manager.create(ObjectStoreConfig.builder(bucket + "x").build());
    byte[] data = Chunks.random(300_000, 11);
    ObjectInfo target = other.put("t", data);
    store.addLink("l", target);
    assertArrayEquals(data, store.getBytes("l"));
    store.addLink("local", store.put("here", new byte[] {1, 2}));
    assertArrayEquals(new byte[] {1, 2}, store.getBytes("local"));
    try (ObjectReader r = store.reader("l")) {
      assertEquals("t", r.info().name());
    }
    store.addBucketLink("dir", other);
    assertThrows(ObjectLinkException.class, () -> store.getBytes("dir"));
    other.delete("t");
    ObjectLinkException e = assertThrows(ObjectLinkException.class, () -> store.getBytes("l"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertThrows(ObjectNotFoundException.class, () -> store.getBytes("missing"));
  }

  @Test
  void aMissingChunkIsDetected() {
    ObjectInfo info =
        store.put(ObjectMeta.builder("m").chunkSize(1000).build(), Chunks.random(10_000, 1));
    deleteChunk(info, 4);
    ObjectIntegrityException e =
        assertThrows(ObjectIntegrityException.class, () -> store.getBytes("m"));
    assertEquals(Reason.MISSING_DATA, e.reason());

    ObjectInfo last =
        store.put(ObjectMeta.builder("last").chunkSize(1000).build(), Chunks.random(10_000, 2));
    deleteChunk(last, 9);
    assertEquals(
        Reason.MISSING_DATA,
        assertThrows(ObjectIntegrityException.class, () -> store.getBytes("last")).reason());

    ObjectInfo all =
        store.put(ObjectMeta.builder("all").chunkSize(1000).build(), Chunks.random(3000, 3));
    for (int i = 0; i < 3; i++) {
      deleteChunk(all, 0);
    }
    assertEquals(
        Reason.MISSING_DATA,
        assertThrows(ObjectIntegrityException.class, () -> store.getBytes("all")).reason());
  }

  @Test
  void anAlteredOrReorderedChunkIsDetectedAndNoFileIsLeft() throws IOException {
    byte[] data = Chunks.random(10_000, 5);
    ObjectInfo info = store.put(ObjectMeta.builder("a").chunkSize(1000).build(), data);
    StoredMessage third = deleteChunk(info, 2);
    // the same bytes again, but now last: reordered
    js.publish(third.subject(), third.data());
    ObjectIntegrityException e =
        assertThrows(ObjectIntegrityException.class, () -> store.getBytes("a"));
    assertEquals(Reason.DIGEST_MISMATCH, e.reason());

    ObjectInfo b = store.put(ObjectMeta.builder("b").chunkSize(1000).build(), data);
    StoredMessage first = deleteChunk(b, 0);
    byte[] altered = first.data().clone();
    altered[10] ^= 1;
    js.publish(first.subject(), altered);
    Path file = dir.resolve("b.out");
    Files.write(file, new byte[] {42});
    assertEquals(
        Reason.DIGEST_MISMATCH,
        assertThrows(ObjectIntegrityException.class, () -> store.get("b", file)).reason());
    assertArrayEquals(new byte[] {42}, Files.readAllBytes(file), "the old file is untouched");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }

    try (ObjectReader reader = store.reader("b")) {
      byte[] buf = new byte[4096];
      assertThrows(
          ObjectIntegrityException.class,
          () -> {
            while (reader.read(buf) != -1) {
              // the end is never reported for a corrupt object
            }
          });
    }
  }

  @Test
  void anExtraChunkIsDetected() {
    ObjectInfo info =
        store.put(ObjectMeta.builder("e").chunkSize(1000).build(), Chunks.random(5000, 6));
    js.publish(ObjectNames.chunkSubject(bucket, info.nuid()), new byte[] {1});
    ObjectIntegrityException e =
        assertThrows(ObjectIntegrityException.class, () -> store.getBytes("e"));
    assertEquals(Reason.EXTRA_DATA, e.reason());
  }

  @Test
  void replacingAnObjectWhileItIsReadGivesTheOldObjectOrAnErrorNeverAMix() throws IOException {
    // Larger than the reader's window, so the purge of the old chunks happens mid-read.
    int size = (int) (ChunkReader.MIN_WINDOW_BYTES + 8 * 1024 * 1024);
    byte[] old = Chunks.random(size, 21);
    store.put(ObjectMeta.builder("r").chunkSize(256 * 1024).build(), old);
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    try (ObjectReader reader = store.reader("r")) {
      byte[] buf = new byte[64 * 1024];
      int n = reader.read(buf);
      got.write(buf, 0, n);
      store.put("r", Chunks.random(size, 22));
      ObjectChangedException e =
          assertThrows(
              ObjectChangedException.class,
              () -> {
                for (int m; (m = reader.read(buf)) != -1; ) {
                  got.write(buf, 0, m);
                }
              });
      assertTrue(e.getMessage().contains("replaced"), e.getMessage());
    }
    byte[] prefix = got.toByteArray();
    assertTrue(prefix.length < size);
    assertArrayEquals(java.util.Arrays.copyOf(old, prefix.length), prefix, "only old bytes");
  }

  @Test
  void chunksLargerThanTheSmallestReadWindowAreDelivered() {
    // The read window follows the chunk size: a pull limited to fewer bytes than one chunk would
    // never deliver it.
    int chunk = (int) ChunkReader.MIN_WINDOW_BYTES + 1024 * 1024;
    try (NatsServer big =
            NatsServer.start(
                ServerConfig.builder().jetStream().maxPayload(chunk + 1024 * 1024).build());
        Connection c = Nats.connect(big.clientUrl());
        JetStream bigJs = JetStream.of(c)) {
      ObjectStore s =
          ObjectStoreManager.of(bigJs)
              .create(ObjectStoreConfig.builder("BIG").storage(StorageType.MEMORY).build());
      byte[] data = Chunks.random(2 * chunk + 17, 31);
      ObjectInfo info = s.put(ObjectMeta.builder("big").chunkSize(chunk).build(), data);
      assertEquals(3, info.chunks());
      assertArrayEquals(data, s.getBytes("big"));
    }
  }

  @Test
  void listsObjectsWithAndWithoutDeleted() {
    assertEquals(List.of(), store.list());
    store.put("a", new byte[] {1});
    store.put("b", new byte[] {2});
    store.put("a", new byte[] {3});
    store.put("c", new byte[0]);
    store.delete("c");
    assertEquals(List.of("b", "a"), store.list().stream().map(ObjectInfo::name).toList());
    List<ObjectInfo> all = store.list(true);
    assertEquals(List.of("b", "a", "c"), all.stream().map(ObjectInfo::name).toList());
    assertTrue(all.get(2).isDeleted());
    assertFalse(all.get(0).modified().isAfter(java.time.Instant.now().plusSeconds(60)));
  }

  private StoredMessage deleteChunk(ObjectInfo info, int index) {
    String stream = ObjectNames.stream(bucket);
    String subject = ObjectNames.chunkSubject(bucket, info.nuid());
    StoredMessage m = js.streams().getNextMessage(stream, 1, subject);
    for (int i = 0; i < index; i++) {
      m = js.streams().getNextMessage(stream, m.seq() + 1, subject);
    }
    assertTrue(js.streams().deleteMessage(stream, m.seq()));
    return m;
  }
}
