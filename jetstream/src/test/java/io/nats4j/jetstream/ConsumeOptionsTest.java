package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsumeOptionsTest {
  @Test
  void defaultsFollowAdr37() {
    ConsumeOptions o = ConsumeOptions.defaults();
    assertEquals(500, o.batchSize());
    assertEquals(0, o.maxBytes());
    assertEquals(Duration.ofSeconds(30), o.expiresIn());
    assertEquals(Duration.ofSeconds(15), o.idleHeartbeat());
    assertEquals(250, o.thresholdMessages());
    assertEquals(0, o.thresholdBytes());
    assertNull(o.dispatcher());
  }

  @Test
  void heartbeatDefaultsToHalfTheExpiryCappedAt30Seconds() {
    assertEquals(
        Duration.ofSeconds(30),
        ConsumeOptions.builder().expiresIn(Duration.ofMinutes(5)).build().idleHeartbeat());
    assertEquals(
        Duration.ofMillis(500),
        ConsumeOptions.builder().expiresIn(Duration.ofSeconds(1)).build().idleHeartbeat());
  }

  @Test
  void maxBytesUsesALargeBatchAndAByteThreshold() {
    ConsumeOptions o = ConsumeOptions.builder().maxBytes(10_000).build();
    assertEquals(ConsumeOptions.BATCH_FOR_BYTES, o.batchSize());
    assertEquals(10_000, o.maxBytes());
    assertEquals(5_000, o.thresholdBytes());
    assertEquals(0, o.thresholdMessages());
  }

  @Test
  void batchOfOneHasThresholdZeroSoItNeverStalls() {
    assertEquals(0, ConsumeOptions.builder().batchSize(1).build().thresholdMessages());
  }

  @Test
  void thresholdsAboveTheirBoundAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConsumeOptions.builder().batchSize(10).thresholdMessages(11).build());
    assertTrue(e.getMessage().contains("thresholdMessages (11)"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConsumeOptions.builder().thresholdBytes(5).build(),
        "thresholdBytes needs maxBytes");
    assertThrows(
        IllegalArgumentException.class,
        () -> ConsumeOptions.builder().idleHeartbeat(Duration.ofMillis(499)));
  }

  @Test
  void fetchOptionsBoundsAndHeartbeatDefaults() {
    FetchOptions bytesOnly = FetchOptions.builder().maxBytes(1000).build();
    assertEquals(ConsumeOptions.BATCH_FOR_BYTES, bytesOnly.maxMessages());
    assertNull(FetchOptions.messages(5).idleHeartbeat(), "no heartbeat up to 30 s");
    assertEquals(
        Duration.ofSeconds(30),
        FetchOptions.builder()
            .maxMessages(1)
            .expiresIn(Duration.ofMinutes(2))
            .build()
            .idleHeartbeat());
    assertNull(FetchOptions.builder().maxMessages(1).noWait().build().idleHeartbeat());
  }

  @Test
  void priorityPullValidatesItsFields() {
    PriorityPull p = PriorityPull.group("g").minPending(5).minAckPending(2).priority(3);
    assertEquals("g", p.group());
    assertEquals(5, p.minPending());
    assertEquals(2, p.minAckPending());
    assertEquals(3, p.priority());
    assertThrows(IllegalArgumentException.class, () -> PriorityPull.group(""));
    assertThrows(IllegalArgumentException.class, () -> PriorityPull.group("g").priority(10));
    assertThrows(IllegalArgumentException.class, () -> PriorityPull.group("g").minPending(0));
  }
}
