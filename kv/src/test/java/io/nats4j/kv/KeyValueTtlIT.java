package io.nats4j.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.ApiLevelException;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-key TTL and limit markers (ADR-48, server 2.11+). */
@RequiresServerVersion("2.11.0")
class KeyValueTtlIT extends KeyValueTestBase {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Duration EXPIRY_WAIT = Duration.ofSeconds(15);

  KeyValueTtlIT(NatsServer server) {
    super(server);
  }

  private KeyValue markers(Duration bucketTtl) {
    return kvm.create(
        KeyValueConfig.builder("T" + NEXT.incrementAndGet())
            .ttl(bucketTtl)
            .limitMarkerTtl(Duration.ofSeconds(1))
            .build());
  }

  @Test
  void aKeyCreatedWithATtlExpiresAndLeavesAMaxAgeMarkerThatExpiresToo() {
    KeyValue kv = markers(null);
    // A watch sees every message of the key, so the server's marker is seen even if it expires
    // before a get could read it.
    KeyValueWatchIT.Recorder r = new KeyValueWatchIT.Recorder();
    long rev;
    try (KeyValueWatch w =
        kv.watch(List.of("short"), KeyValueWatchOptions.builder().updatesOnly(true).build(), r)) {
      rev = kv.create("short", "v".getBytes(UTF_8), Duration.ofSeconds(1));
      kv.put("long", "stays");
      assertEquals(rev, kv.get("short").orElseThrow().revision());
      Await.until(() -> kv.get("short").isEmpty(), EXPIRY_WAIT, "the key expired");
      Await.until(() -> r.entries.size() >= 2, EXPIRY_WAIT, "the value and its marker");
    }
    assertEquals(KeyValueOperation.PUT, r.entries.get(0).operation());
    KeyValueEntry marker = r.entries.get(1);
    // The server's marker (Nats-Marker-Reason: MaxAge) reads as a purge.
    assertEquals(KeyValueOperation.PURGE, marker.operation(), r.events.toString());
    assertTrue(marker.revision() > rev, r.events.toString());
    Await.until(() -> kv.latest("short") == null, EXPIRY_WAIT, "the marker expired");
    assertEquals("stays", kv.get("long").orElseThrow().valueAsString());
    // Gone entirely: create works without an expected revision.
    kv.create("short", "again".getBytes(UTF_8));
  }

  @Test
  void theBucketTtlLeavesMaxAgeMarkers() {
    KeyValue kv = markers(Duration.ofSeconds(2));
    kv.put("k", "v");
    Await.until(
        () -> {
          KeyValueEntry e = kv.latest("k");
          return e != null && e.operation() == KeyValueOperation.PURGE;
        },
        EXPIRY_WAIT,
        "a MaxAge marker replaced the value");
    assertTrue(kv.get("k").isEmpty());
  }

  @Test
  void aPurgeMarkerWithATtlExpires() {
    KeyValue kv = markers(null);
    long rev = kv.put("p", "v");
    assertThrows(
        KeyValueConflictException.class, () -> kv.purge("p", rev + 100, Duration.ofSeconds(1)));
    kv.purge("p", rev, Duration.ofSeconds(1));
    assertEquals(KeyValueOperation.PURGE, kv.latest("p").operation());
    Await.until(() -> kv.latest("p") == null, EXPIRY_WAIT, "the purge marker expired");
    assertEquals(0, kv.status().values());
  }

  @Test
  void watchersSeeLimitMarkersAsPurges() {
    KeyValue kv = markers(null);
    java.util.List<KeyValueEntry> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (KeyValueWatch w =
        kv.watch(java.util.List.of(), KeyValueWatchOptions.defaults(), seen::add)) {
      kv.create("ttl", "v".getBytes(UTF_8), Duration.ofSeconds(1));
      Await.until(() -> seen.size() >= 2, EXPIRY_WAIT, "the value and its MaxAge marker");
      assertEquals(KeyValueOperation.PUT, seen.get(0).operation());
      assertEquals(KeyValueOperation.PURGE, seen.get(1).operation());
      assertEquals("ttl", seen.get(1).key());
    }
  }

  @Test
  void perKeyTtlNeedsABucketWithMarkersAndAServerThatKnowsThem() {
    KeyValue plain = kvm.create(KeyValueConfig.builder("T" + NEXT.incrementAndGet()).build());
    KeyValueException e =
        assertThrows(
            KeyValueException.class, () -> plain.create("k", new byte[1], Duration.ofSeconds(5)));
    assertTrue(e.getMessage().contains("limitMarkerTtl"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> plain.create("k", new byte[1], Duration.ofMillis(500)));
    try (JetStream old =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(0).build())) {
      KeyValueManager oldKvm = KeyValueManager.of(old);
      long before = nc.statistics().outMessages();
      assertThrows(
          ApiLevelException.class,
          () ->
              oldKvm.create(
                  KeyValueConfig.builder("T" + NEXT.incrementAndGet())
                      .limitMarkerTtl(Duration.ofSeconds(1))
                      .build()));
      assertEquals(before, nc.statistics().outMessages(), "refused before sending");
      KeyValue withMarkers = markers(null);
      KeyValue viaOld = oldKvm.open(withMarkers.bucket());
      assertThrows(
          ApiLevelException.class, () -> viaOld.create("k", new byte[1], Duration.ofSeconds(5)));
    }
    assertEquals(
        Duration.ofSeconds(1), markers(null).status().limitMarkerTtl(), "status reports it");
  }
}
