package io.nats4j.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.NatsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bucket management and entry operations against the real server. */
class KeyValueIT extends KeyValueTestBase {
  private static final AtomicInteger NEXT = new AtomicInteger();

  KeyValueIT(NatsServer server) {
    super(server);
  }

  private static String bucket() {
    return "B" + NEXT.incrementAndGet();
  }

  private KeyValue create(String bucket) {
    return kvm.create(KeyValueConfig.builder(bucket).build());
  }

  @Test
  void createMakesTheStreamTheOtherClientsMake() {
    String b = bucket();
    kvm.create(KeyValueConfig.builder(b).history(5).ttl(Duration.ofSeconds(90)).build());
    StreamConfig s = js.streams().info("KV_" + b).config();
    assertEquals(List.of("$KV." + b + ".>"), s.subjects());
    assertEquals(5, s.maxMsgsPerSubject());
    assertEquals(Duration.ofSeconds(90), s.maxAge());
    assertEquals(Duration.ofSeconds(90), s.duplicateWindow());
    assertTrue(s.allowDirect() && s.denyDelete() && s.allowRollupHdrs());
    assertEquals(io.nats4j.jetstream.DiscardPolicy.NEW, s.discard());
  }

  @Test
  void createIsIdempotentButRefusesAnotherConfiguration() {
    String b = bucket();
    KeyValueConfig config = KeyValueConfig.builder(b).history(3).build();
    kvm.create(config);
    assertEquals(b, kvm.create(config).bucket());
    BucketExistsException e =
        assertThrows(
            BucketExistsException.class,
            () -> kvm.create(KeyValueConfig.builder(b).history(4).build()));
    assertEquals(
        JetStreamApiException.STREAM_NAME_IN_USE,
        ((JetStreamApiException) e.getCause()).errorCode());
  }

  @Test
  void updateAndCreateOrUpdateChangeTheBucket() {
    String b = bucket();
    assertThrows(
        BucketNotFoundException.class, () -> kvm.update(KeyValueConfig.builder(b).build()));
    kvm.createOrUpdate(KeyValueConfig.builder(b).history(2).build());
    assertEquals(2, kvm.status(b).history());
    kvm.update(KeyValueConfig.builder(b).history(6).description("six").build());
    assertEquals(6, kvm.status(b).history());
    kvm.createOrUpdate(KeyValueConfig.builder(b).history(9).build());
    KeyValueStatus status = kvm.status(b);
    assertEquals(9, status.history());
    assertEquals(9, status.config().history());
  }

  @Test
  void openFailsClearlyForMissingBucketsAndOtherStreams() {
    String b = bucket();
    assertThrows(BucketNotFoundException.class, () -> kvm.open(b));
    js.streams().create(StreamConfig.builder("KV_" + b).subjects("not-kv." + b).build());
    NotABucketException e = assertThrows(NotABucketException.class, () -> kvm.open(b));
    assertTrue(e.getMessage().contains("max_msgs_per_subject"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> kvm.open("bad.name"));
  }

  @Test
  void deleteNamesAndStatuses() {
    String b1 = bucket();
    String b2 = bucket();
    create(b1).put("k", "v");
    create(b2);
    js.streams().create(StreamConfig.builder("PLAIN" + b1).subjects("plain." + b1).build());
    List<String> names = kvm.names();
    assertTrue(names.containsAll(List.of(b1, b2)), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.startsWith("PLAIN")));
    KeyValueStatus s1 =
        kvm.statuses().stream().filter(s -> s.bucket().equals(b1)).findFirst().orElseThrow();
    assertEquals(1, s1.values());
    assertTrue(s1.bytes() > 0);
    assertEquals("JetStream", s1.backingStore());
    assertEquals("KV_" + b1, s1.streamInfo().config().name());
    kvm.delete(b2);
    assertFalse(kvm.names().contains(b2));
    assertThrows(BucketNotFoundException.class, () -> kvm.delete(b2));
    assertThrows(BucketNotFoundException.class, () -> kvm.status(b2));
  }

  @ParameterizedTest
  @EnumSource(StorageType.class)
  void putGetAndRevisions(StorageType storage) {
    KeyValue kv = kvm.create(KeyValueConfig.builder(bucket()).history(3).storage(storage).build());
    long r1 = kv.put("a.b", "one");
    long r2 = kv.put("a.b", "two".getBytes(UTF_8));
    long other = kv.put("c", "three");
    assertEquals(r1 + 1, r2);
    KeyValueEntry latest = kv.get("a.b").orElseThrow();
    assertEquals("two", latest.valueAsString());
    assertEquals(r2, latest.revision());
    assertEquals(KeyValueOperation.PUT, latest.operation());
    assertEquals(kv.bucket(), latest.bucket());
    assertEquals("a.b", latest.key());
    assertTrue(latest.created() != null);
    assertEquals("one", kv.get("a.b", r1).orElseThrow().valueAsString());
    assertTrue(kv.get("a.b", other).isEmpty(), "another key's revision");
    assertTrue(kv.get("a.b", 999).isEmpty());
    assertTrue(kv.get("missing").isEmpty());
    byte[] binary = {0, 1, 2, (byte) 255, '\r', '\n'};
    kv.put("bin", binary);
    assertArrayEquals(binary, kv.get("bin").orElseThrow().value());
    kv.put("empty", new byte[0]);
    assertEquals(0, kv.get("empty").orElseThrow().value().length);
  }

  @Test
  void createOnlyWhenAbsentDeletedOrPurged() {
    KeyValue kv = create(bucket());
    long r1 = kv.create("k", "v1".getBytes(UTF_8));
    KeyExistsException e =
        assertThrows(KeyExistsException.class, () -> kv.create("k", "v2".getBytes(UTF_8)));
    assertInstanceOf(KeyValueConflictException.class, e);
    assertEquals(
        JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
        ((JetStreamApiException) e.getCause()).errorCode());
    kv.delete("k");
    long r2 = kv.create("k", "v3".getBytes(UTF_8));
    assertTrue(r2 > r1 + 1);
    kv.purge("k");
    long r3 = kv.create("k", "v4".getBytes(UTF_8));
    assertEquals("v4", kv.get("k").orElseThrow().valueAsString());
    assertEquals(r3, kv.get("k").orElseThrow().revision());
  }

  @Test
  void updateIsCompareAndSet() {
    KeyValue kv = create(bucket());
    long r1 = kv.put("k", "v1");
    long r2 = kv.update("k", "v2", r1);
    KeyValueConflictException e =
        assertThrows(KeyValueConflictException.class, () -> kv.update("k", "v3", r1));
    assertEquals(
        JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
        ((JetStreamApiException) e.getCause()).errorCode());
    assertTrue(e.getMessage().contains("revision " + r1), e.getMessage());
    assertEquals("v2", kv.get("k").orElseThrow().valueAsString());
    assertEquals(r2, kv.get("k").orElseThrow().revision());
    assertThrows(KeyValueConflictException.class, () -> kv.update("never", "x", 1));
    assertThrows(IllegalArgumentException.class, () -> kv.update("k", "x", 0));
  }

  @Test
  void deleteKeepsHistoryPurgeRemovesIt() {
    KeyValue kv = kvm.create(KeyValueConfig.builder(bucket()).history(10).build());
    long r1 = kv.put("d", "1");
    long r2 = kv.put("d", "2");
    assertThrows(KeyValueConflictException.class, () -> kv.delete("d", r1));
    kv.delete("d", r2);
    assertTrue(kv.get("d").isEmpty(), "a deleted key has no value");
    assertEquals("1", kv.get("d", r1).orElseThrow().valueAsString(), "history kept");
    long r3 = kv.put("d", "3");
    assertThrows(KeyValueConflictException.class, () -> kv.purge("d", r2));
    kv.purge("d", r3);
    assertTrue(kv.get("d").isEmpty());
    assertTrue(kv.get("d", r1).isEmpty(), "purge removed the history");
    assertEquals(1, kv.status().values(), "only the purge marker is left");
  }

  @Test
  void getAllReadsManyKeysInOrderLeavingOutMissingAndDeleted() {
    KeyValue kv = create(bucket());
    kv.put("a", "A");
    kv.put("b", "B");
    kv.put("c", "C");
    kv.delete("b");
    Map<String, KeyValueEntry> all = kv.getAll("c", "missing", "b", "a", "c");
    assertEquals(List.of("c", "a"), new ArrayList<>(all.keySet()));
    assertEquals("C", all.get("c").valueAsString());
    assertTrue(kv.getAll(List.of()).isEmpty());
    assertTrue(kv.getAll("nothing", "here").isEmpty());
  }

  @Test
  void getAllCrossesTheBatchSizeAndFallsBackOnOldServers() {
    String b = bucket();
    KeyValue kv = create(b);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      keys.add("k" + i);
      js.publishAsync("$KV." + b + ".k" + i, ("v" + i).getBytes(UTF_8));
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(30));
    Map<String, KeyValueEntry> all = kv.getAll(keys);
    assertEquals(2500, all.size());
    assertEquals("v1234", all.get("k1234").valueAsString());
    assertEquals(keys, new ArrayList<>(all.keySet()));
    try (JetStream old =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(0).build())) {
      Map<String, KeyValueEntry> some =
          KeyValueManager.of(old).open(b).getAll("k7", "none", "k2499");
      assertEquals(List.of("k7", "k2499"), new ArrayList<>(some.keySet()));
    }
  }

  @Test
  void readsUseTheMessageGetApiWhenDirectGetIsOff() {
    String b = bucket();
    KeyValue kv = create(b);
    long r1 = kv.put("k", "v1");
    kv.put("k", "v2");
    StreamConfig s = js.streams().info("KV_" + b).config();
    js.streams().update(s.toBuilder().allowDirect(false).build());
    KeyValue apiOnly = kvm.open(b);
    assertEquals("v2", apiOnly.get("k").orElseThrow().valueAsString());
    assertTrue(apiOnly.get("k", r1).isEmpty(), "history 1: gone");
    assertTrue(apiOnly.get("none").isEmpty());
    assertEquals(1, apiOnly.getAll("k", "none").size());
    apiOnly.delete("k");
    assertTrue(apiOnly.get("k").isEmpty());
  }

  @Test
  void badKeysFailBeforeAnythingIsSentAndTheConnectionStaysUsable() {
    KeyValue kv = create(bucket());
    nc.flush(Duration.ofSeconds(5));
    long before = nc.statistics().outMessages();
    assertThrows(IllegalArgumentException.class, () -> kv.put("a b", "x"));
    assertThrows(IllegalArgumentException.class, () -> kv.put("a.*", "x"));
    assertThrows(IllegalArgumentException.class, () -> kv.get(".a"));
    assertThrows(IllegalArgumentException.class, () -> kv.create("a..b", new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> kv.delete(">"));
    assertThrows(IllegalArgumentException.class, () -> kv.getAll("ok", "not ok"));
    assertEquals(before, nc.statistics().outMessages());
    assertEquals(1, kv.put("fine", "x"));
  }

  @Test
  void valueOverTheLimitIsRefusedByTheServer() {
    KeyValue kv = kvm.create(KeyValueConfig.builder(bucket()).maxValueSize(16).build());
    kv.put("small", new byte[16]);
    assertThrows(JetStreamApiException.class, () -> kv.put("big", new byte[17]));
    assertEquals(16, kv.status().config().maxValueSize());
  }
}
