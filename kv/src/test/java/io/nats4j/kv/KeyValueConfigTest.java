package io.nats4j.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.ExternalStream;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamSource;
import io.nats4j.jetstream.SubjectTransform;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream a bucket configuration becomes, as nats.go's prepareKeyValueConfig builds it. */
class KeyValueConfigTest {

  @Test
  void defaultsBecomeTheStreamTheOtherClientsCreate() {
    StreamConfig s = BucketConfigs.toStream(KeyValueConfig.builder("B").build());
    assertEquals("KV_B", s.name());
    assertEquals(List.of("$KV.B.>"), s.subjects());
    assertEquals(1, s.maxMsgsPerSubject());
    assertEquals(-1, s.maxMsgs());
    assertEquals(-1, s.maxBytes());
    assertEquals(-1, s.maxMsgSize());
    assertEquals(-1, s.maxConsumers());
    assertEquals(DiscardPolicy.NEW, s.discard());
    assertEquals(StorageType.FILE, s.storage());
    assertEquals(1, s.numReplicas());
    assertEquals(Duration.ofMinutes(2), s.duplicateWindow());
    assertTrue(s.allowRollupHdrs());
    assertTrue(s.denyDelete());
    assertTrue(s.allowDirect());
    assertFalse(s.mirrorDirect());
    assertFalse(s.allowMsgTtl());
    assertNull(s.subjectDeleteMarkerTtl());
    assertNull(s.maxAge());
  }

  @Test
  void duplicateWindowIsTheTtlWhenShorterThanTwoMinutes() {
    assertEquals(
        Duration.ofSeconds(30),
        BucketConfigs.toStream(KeyValueConfig.builder("B").ttl(Duration.ofSeconds(30)).build())
            .duplicateWindow());
    assertEquals(
        Duration.ofMinutes(2),
        BucketConfigs.toStream(KeyValueConfig.builder("B").ttl(Duration.ofHours(1)).build())
            .duplicateWindow());
  }

  @Test
  void limitMarkersTurnOnMessageTtl() {
    StreamConfig s =
        BucketConfigs.toStream(
            KeyValueConfig.builder("B").limitMarkerTtl(Duration.ofSeconds(5)).build());
    assertTrue(s.allowMsgTtl());
    assertEquals(Duration.ofSeconds(5), s.subjectDeleteMarkerTtl());
  }

  @Test
  void compressionAndLimitsMapToStreamFields() {
    StreamConfig s =
        BucketConfigs.toStream(
            KeyValueConfig.builder("B")
                .history(64)
                .compression(true)
                .maxValueSize(1024)
                .maxBucketBytes(1 << 20)
                .storage(StorageType.MEMORY)
                .replicas(3)
                .metadata("team", "a")
                .build());
    assertEquals(64, s.maxMsgsPerSubject());
    assertEquals(Compression.S2, s.compression());
    assertEquals(1024, s.maxMsgSize());
    assertEquals(1 << 20, s.maxBytes());
    assertEquals(StorageType.MEMORY, s.storage());
    assertEquals(3, s.numReplicas());
    assertEquals("a", s.metadata().get("team"));
  }

  @Test
  void aMirrorIsNamedByItsStreamAndHasNoSubjects() {
    StreamConfig s =
        BucketConfigs.toStream(
            KeyValueConfig.builder("M").mirror(StreamSource.of("ORIGIN")).build());
    assertEquals("KV_ORIGIN", s.mirror().name());
    assertTrue(s.mirrorDirect());
    assertTrue(s.subjects().isEmpty());
  }

  @Test
  void bucketSourcesGetTheKeyTransformAndStreamsWithTransformsStayAsGiven() {
    StreamSource custom =
        new StreamSource(
            "RAW", 0, null, null, List.of(new SubjectTransform("raw.>", "$KV.AGG.>")), null);
    StreamSource external =
        new StreamSource("KV_AGG", 0, null, null, null, new ExternalStream("$JS.leaf.API", null));
    StreamConfig s =
        BucketConfigs.toStream(
            KeyValueConfig.builder("AGG").sources(StreamSource.of("A"), custom, external).build());
    assertEquals(List.of("$KV.AGG.>"), s.subjects());
    assertEquals("KV_A", s.sources().get(0).name());
    assertEquals(
        List.of(new SubjectTransform("$KV.A.>", "$KV.AGG.>")),
        s.sources().get(0).subjectTransforms());
    assertEquals(custom, s.sources().get(1));
    // The same bucket name in another domain needs no transform (nats.go).
    assertNull(s.sources().get(2).subjectTransforms());
  }

  @Test
  void handlesReadAndWriteWhereNatsGoDoes() {
    StreamConfig plain = BucketConfigs.toStream(KeyValueConfig.builder("B").build());
    assertEquals(
        List.of("$KV.B.", "$KV.B."), List.of(BucketConfigs.prefixes("B", plain, "$JS.API")));
    assertEquals(
        List.of("$KV.B.", "$JS.hub.API.$KV.B."),
        List.of(BucketConfigs.prefixes("B", plain, "$JS.hub.API")));
    StreamConfig mirror =
        BucketConfigs.toStream(KeyValueConfig.builder("M").mirror(StreamSource.of("O")).build());
    assertEquals(
        List.of("$KV.M.", "$KV.O."), List.of(BucketConfigs.prefixes("M", mirror, "$JS.API")));
    StreamConfig external =
        BucketConfigs.toStream(
            KeyValueConfig.builder("M")
                .mirror(
                    new StreamSource(
                        "O", 0, null, null, null, new ExternalStream("$JS.leaf.API", null)))
                .build());
    assertEquals(
        List.of("$KV.O.", "$JS.leaf.API.$KV.O."),
        List.of(BucketConfigs.prefixes("M", external, "$JS.hub.API")));
  }

  @Test
  void buildNamesTheWrongField() {
    assertTrue(msg(() -> KeyValueConfig.builder("B").history(0).build()).contains("history"));
    assertTrue(msg(() -> KeyValueConfig.builder("B").history(65).build()).contains("history"));
    assertTrue(msg(() -> KeyValueConfig.builder("B").replicas(6).build()).contains("replicas"));
    assertTrue(
        msg(() -> KeyValueConfig.builder("B").limitMarkerTtl(Duration.ofMillis(10)).build())
            .contains("limitMarkerTtl"));
    assertTrue(msg(() -> KeyValueConfig.builder("B").maxValueSize(0).build()).contains("maxValue"));
    assertTrue(
        msg(() ->
                KeyValueConfig.builder("B")
                    .mirror(StreamSource.of("X"))
                    .sources(StreamSource.of("Y"))
                    .build())
            .contains("not both"));
    assertTrue(msg(() -> KeyValueConfig.builder("B.C").build()).contains("bucket name"));
  }

  @Test
  void configSurvivesTheRoundTripThroughTheStream() {
    KeyValueConfig c =
        KeyValueConfig.builder("B")
            .description("d")
            .history(7)
            .ttl(Duration.ofHours(2))
            .maxValueSize(100)
            .maxBucketBytes(10_000)
            .storage(StorageType.MEMORY)
            .compression(true)
            .limitMarkerTtl(Duration.ofSeconds(3))
            .metadata("k", "v")
            .build();
    assertEquals(c, BucketConfigs.fromStream("B", BucketConfigs.toStream(c)));
  }

  private static String msg(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
