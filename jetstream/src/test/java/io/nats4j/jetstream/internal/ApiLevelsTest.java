package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ApiLevelException;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.PersistMode;
import io.nats4j.jetstream.PriorityPolicy;
import io.nats4j.jetstream.StreamConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiLevelsTest {

  @Test
  void theServersLevelIsAnnouncedFrom212AndImpliedBy211() {
    assertEquals(4, ApiLevels.ofServer(4, "2.14.10"));
    assertEquals(3, ApiLevels.ofServer(3, "2.12.15"));
    assertEquals(1, ApiLevels.ofServer(0, "2.11.17"), "2.11 sends no api_lvl but is at level 1");
    assertEquals(1, ApiLevels.ofServer(0, "2.11.0-RC.1"));
    assertEquals(1, ApiLevels.ofServer(0, "3.0.0"));
    assertEquals(0, ApiLevels.ofServer(0, "2.10.27"));
    assertEquals(0, ApiLevels.ofServer(0, "2.9.25"));
    assertEquals(0, ApiLevels.ofServer(0, null));
    assertEquals(0, ApiLevels.ofServer(0, "garbage"));
  }

  @Test
  void plainConfigsNeedNoLevel() {
    assertEquals(List.of(), ApiLevels.of(StreamConfig.builder("S").subjects("a").build()));
    assertEquals(List.of(), ApiLevels.of(ConsumerConfig.builder().durableName("d").build()));
  }

  @Test
  void eachStreamFieldKnowsItsLevel() {
    assertEquals(1, level(StreamConfig.builder("S").allowMsgTtl(true).build()));
    assertEquals(
        1, level(StreamConfig.builder("S").subjectDeleteMarkerTtl(Duration.ofSeconds(5)).build()));
    assertEquals(2, level(StreamConfig.builder("S").allowMsgCounter(true).build()));
    assertEquals(2, level(StreamConfig.builder("S").allowAtomic(true).build()));
    assertEquals(2, level(StreamConfig.builder("S").allowMsgSchedules(true).build()));
    assertEquals(2, level(StreamConfig.builder("S").persistMode(PersistMode.ASYNC).build()));
    assertEquals(4, level(StreamConfig.builder("S").allowBatched(true).build()));
  }

  @Test
  void eachConsumerFieldKnowsItsLevel() {
    assertEquals(1, level(ConsumerConfig.builder().pauseUntil(Instant.now()).build()));
    assertEquals(
        1,
        level(
            ConsumerConfig.builder()
                .priorityGroups("g")
                .priorityPolicy(PriorityPolicy.OVERFLOW)
                .build()));
    assertEquals(
        2,
        level(
            ConsumerConfig.builder()
                .priorityGroups("g")
                .priorityPolicy(PriorityPolicy.PRIORITIZED)
                .build()));
    assertEquals(4, level(ConsumerConfig.builder().ackPolicy(AckPolicy.FLOW_CONTROL).build()));
  }

  @Test
  void tooLowServerLevelIsRefusedNamingFieldAndVersion() {
    StreamConfig counter = StreamConfig.builder("S").allowMsgCounter(true).build();
    ApiLevelException e =
        assertThrows(ApiLevelException.class, () -> ApiLevels.check(ApiLevels.of(counter), 1));
    assertEquals("allow_msg_counter", e.feature());
    assertEquals(2, e.requiredLevel());
    assertEquals(1, e.serverLevel());
    assertTrue(e.getMessage().contains("allow_msg_counter"), e.getMessage());
    assertTrue(e.getMessage().contains("nats-server 2.12.0"), e.getMessage());
    assertDoesNotThrow(() -> ApiLevels.check(ApiLevels.of(counter), 2));
  }

  private static int level(StreamConfig c) {
    return ApiLevels.highest(ApiLevels.of(c));
  }

  private static int level(ConsumerConfig c) {
    return ApiLevels.highest(ApiLevels.of(c));
  }
}
