package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Responses;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public types that mirror server JSON can grow: final classes (not records) whose read-only
 * kinds have no public constructor, and no Jackson annotation anywhere on the public surface.
 */
class ApiShapeTest {
  /** Types users build: may keep a public constructor of their own, never a record. */
  private static final List<Class<?>> BUILT =
      List.of(
          StreamConfig.class,
          ConsumerConfig.class,
          PublishOptions.class,
          PurgeOptions.class,
          Placement.class,
          StreamSource.class,
          SubjectTransform.class,
          Republish.class,
          ExternalStream.class,
          ConsumerLimits.class);

  /** Types users only read: no public constructor. */
  private static final List<Class<?>> READ =
      List.of(
          StreamInfo.class,
          StreamState.class,
          LostStreamData.class,
          ClusterInfo.class,
          PeerInfo.class,
          StreamSourceInfo.class,
          StreamAlternate.class,
          ConsumerInfo.class,
          SequenceInfo.class,
          PriorityGroupState.class,
          ConsumerPauseInfo.class,
          ConsumerResetResult.class,
          AccountInfo.class,
          AccountLimits.class,
          AccountTier.class,
          ApiStats.class,
          PubAck.class,
          StoredMessage.class,
          DirectBatch.class);

  @Test
  void jsonTypesAreFinalClassesNotRecords() {
    Stream.concat(BUILT.stream(), READ.stream())
        .forEach(
            type -> {
              assertFalse(type.isRecord(), type + " is a record");
              assertTrue(Modifier.isFinal(type.getModifiers()), type + " is not final");
            });
  }

  @Test
  void readTypesHaveNoPublicConstructor() {
    for (Class<?> type : READ) {
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        assertFalse(Modifier.isPublic(c.getModifiers()), c + " is public");
      }
    }
  }

  @Test
  void noJacksonAnnotationOnThePublicSurface() {
    List<String> found = new ArrayList<>();
    List<Class<?>> all = new ArrayList<>(BUILT);
    all.addAll(READ);
    all.addAll(
        List.of(
            AckPolicy.class,
            Compression.class,
            DeliverPolicy.class,
            DiscardPolicy.class,
            PersistMode.class,
            PriorityPolicy.class,
            ReplayPolicy.class,
            RetentionPolicy.class,
            StorageType.class,
            ApiError.class));
    for (Class<?> type : all) {
      List<AccessibleObject> members = new ArrayList<>();
      members.addAll(List.of(type.getDeclaredFields()));
      members.addAll(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      check(type.getName(), type.getAnnotations(), found);
      for (AccessibleObject m : members) {
        check(type.getName() + " " + m, m.getAnnotations(), found);
      }
    }
    assertEquals(List.of(), found);
  }

  private static void check(String where, Annotation[] annotations, List<String> found) {
    for (Annotation a : annotations) {
      if (a.annotationType().getName().startsWith("com.fasterxml")) {
        found.add(where + " " + a);
      }
    }
  }

  @Test
  void collectionsReadFromJsonCannotBeChanged() {
    StreamInfo info = Responses.read(ServerResponses.load("stream_create.json"), StreamInfo.class);
    assertThrows(UnsupportedOperationException.class, () -> info.config().subjects().add("x"));
    assertThrows(UnsupportedOperationException.class, () -> info.config().metadata().put("k", "v"));
    assertThrows(UnsupportedOperationException.class, () -> info.sources().add(null));
  }

  @Test
  void jsonNullKeepsTheDefaultOfTheType() {
    StreamConfig c =
        JsonMapper.read(
            "{\"name\":\"S\",\"subjects\":null,\"metadata\":null}".getBytes(), StreamConfig.class);
    assertEquals(List.of(), c.subjects());
    assertEquals(java.util.Map.of(), c.metadata());
    assertEquals(StreamConfig.builder("S").build(), c);
  }

  @Test
  void unknownEnumWireNameReadsAsNull() {
    StreamConfig c =
        JsonMapper.read(
            "{\"name\":\"S\",\"retention\":\"someday\",\"storage\":\"memory\"}".getBytes(),
            StreamConfig.class);
    assertEquals(null, c.retention());
    assertEquals(StorageType.MEMORY, c.storage());
  }

  @Test
  void enumsWriteTheirWireNames() {
    for (AckPolicy p : AckPolicy.values()) {
      assertEquals("\"" + p.wireName() + "\"", new String(JsonMapper.write(p)));
    }
    assertEquals(
        "\"by_start_sequence\"", new String(JsonMapper.write(DeliverPolicy.BY_START_SEQUENCE)));
    assertEquals("\"pinned_client\"", new String(JsonMapper.write(PriorityPolicy.PINNED_CLIENT)));
  }

  @Test
  void aStoredMessageShowsItsPayloadBySizeOnly() {
    StoredMessage m =
        new StoredMessage("S", "a.b", 7, null, new io.nats4j.client.Headers(), new byte[4096]);
    assertTrue(m.toString().contains("data=4096 bytes"), m.toString());
    assertTrue(m.toString().length() < 300, m.toString());
  }

  @Test
  void equalsHashCodeAndToStringDescribeTheValue() {
    StreamConfig a = StreamConfig.builder("S").subjects("a.>").maxMsgs(5).build();
    StreamConfig b = StreamConfig.builder("S").subjects(List.of("a.>")).maxMsgs(5).build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.toBuilder().maxMsgs(6).build());
    assertTrue(a.toString().contains("name=S"), a.toString());
    assertTrue(a.toString().contains("maxMsgs=5"), a.toString());
  }
}
