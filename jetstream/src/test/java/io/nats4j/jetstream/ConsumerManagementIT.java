package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
@io.nats4j.testkit.JetStream
class ConsumerManagementIT {
  private final NatsServer server;
  private Connection nc;
  private JetStream js;
  private String stream;
  private static int counter;

  ConsumerManagementIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connectAndCreateStream() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    stream = "CONS" + (++counter);
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(stream.toLowerCase() + ".>")
                .storage(StorageType.MEMORY)
                .build());
    for (int i = 1; i <= 5; i++) {
      js.publish(stream.toLowerCase() + "." + (i % 2 == 0 ? "even" : "odd"), new byte[] {1});
    }
  }

  @AfterEach
  void deleteStreamAndDisconnect() {
    js.streams().delete(stream);
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void consumerCreatedWithoutAnAckPolicyAcksExplicitly() {
    ConsumerInfo defaults =
        js.consumers().create(stream, ConsumerConfig.builder().durableName("defaults").build());
    assertEquals(AckPolicy.EXPLICIT, defaults.config().ackPolicy());
    assertEquals(AckPolicy.EXPLICIT, js.consumers().info(stream, "defaults").config().ackPolicy());
    ConsumerInfo none =
        js.consumers()
            .create(
                stream,
                ConsumerConfig.builder().durableName("none").ackPolicy(AckPolicy.NONE).build());
    assertEquals(AckPolicy.NONE, none.config().ackPolicy(), "an explicit choice is kept");
  }

  private String subject(String last) {
    return stream.toLowerCase() + "." + last;
  }

  @Test
  void createsDurableWithFilterInTheSubjectAndReadsItBack() {
    ConsumerInfo created =
        js.consumers()
            .create(
                stream,
                ConsumerConfig.builder()
                    .durableName("worker")
                    .ackPolicy(AckPolicy.EXPLICIT)
                    .maxDeliver(5)
                    .backoff(Duration.ofSeconds(1), Duration.ofSeconds(2))
                    .filterSubject(subject("odd"))
                    .deliverPolicy(DeliverPolicy.BY_START_SEQUENCE)
                    .optStartSeq(2)
                    .metadata("team", "a")
                    .build());
    assertEquals("worker", created.name());
    assertEquals(stream, created.streamName());
    assertEquals(2, created.numPending(), "odd messages from seq 2: 3 and 5");
    ConsumerInfo info = js.consumers().info(stream, "worker");
    assertEquals(Duration.ofSeconds(1), info.config().ackWait(), "the server uses backoff[0]");
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), info.config().backoff());
    assertEquals("a", info.config().metadata().get("team"));
  }

  @Test
  void createFailsIfTheConsumerExistsWithAnotherConfiguration() {
    ConsumerConfig config =
        ConsumerConfig.builder().name("c").ackPolicy(AckPolicy.EXPLICIT).build();
    js.consumers().create(stream, config);
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class,
            () -> js.consumers().create(stream, config.toBuilder().description("changed").build()));
    assertEquals(JetStreamApiException.CONSUMER_ALREADY_EXISTS, e.errorCode());
  }

  @Test
  void updateNeedsAnExistingConsumerAndCreateOrUpdateDoesBoth() {
    ConsumerConfig config =
        ConsumerConfig.builder().name("u").ackPolicy(AckPolicy.EXPLICIT).build();
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> js.consumers().update(stream, config));
    assertEquals(JetStreamApiException.CONSUMER_DOES_NOT_EXIST, e.errorCode());
    js.consumers().createOrUpdate(stream, config);
    ConsumerInfo updated =
        js.consumers().createOrUpdate(stream, config.toBuilder().description("v2").build());
    assertEquals("v2", updated.config().description());
    ConsumerInfo again =
        js.consumers().update(stream, updated.config().toBuilder().maxAckPending(10).build());
    assertEquals(10, again.config().maxAckPending());
  }

  @Test
  void ephemeralConsumersGetAServerChosenName() {
    ConsumerInfo eph =
        js.consumers()
            .create(
                stream,
                ConsumerConfig.builder()
                    .ackPolicy(AckPolicy.NONE)
                    .filterSubjects(subject("odd"), subject("even"))
                    .inactiveThreshold(Duration.ofSeconds(5))
                    .build());
    assertNotNull(eph.name());
    assertEquals(5, eph.numPending());
    assertEquals(Duration.ofSeconds(5), eph.config().inactiveThreshold());
  }

  @Test
  void deletesListsAndNamesConsumers() {
    List<String> names =
        IntStream.range(0, 260).mapToObj(i -> "n" + i).collect(Collectors.toList());
    for (String name : names) {
      js.consumers().create(stream, ConsumerConfig.builder().name(name).build());
    }
    assertEquals(names.size(), js.consumers().names(stream).size());
    assertEquals(names.size(), js.consumers().list(stream).size(), "list over two pages");
    assertTrue(js.consumers().delete(stream, "n0"));
    assertFalse(js.consumers().names(stream).contains("n0"));
    JetStreamApiException e =
        assertThrows(JetStreamApiException.class, () -> js.consumers().info(stream, "n0"));
    assertEquals(JetStreamApiException.CONSUMER_NOT_FOUND, e.errorCode());
    JetStreamApiException del =
        assertThrows(JetStreamApiException.class, () -> js.consumers().delete(stream, "n0"));
    assertEquals(JetStreamApiException.CONSUMER_NOT_FOUND, del.errorCode());
  }

  @Test
  void pausesAndResumes() {
    js.consumers().create(stream, ConsumerConfig.builder().name("p").build());
    Instant until =
        Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ConsumerPauseInfo paused = js.consumers().pause(stream, "p", until);
    assertTrue(paused.paused());
    assertEquals(until, paused.pauseUntil());
    assertTrue(js.consumers().info(stream, "p").paused());
    ConsumerPauseInfo resumed = js.consumers().resume(stream, "p");
    assertFalse(resumed.paused());
    assertNull(resumed.pauseUntil());
    assertFalse(js.consumers().info(stream, "p").paused());
  }

  @Test
  void createsPriorityGroupConsumersAndUnpins() {
    ConsumerInfo pinned =
        js.consumers()
            .create(
                stream,
                ConsumerConfig.builder()
                    .name("pin")
                    .ackPolicy(AckPolicy.EXPLICIT)
                    .priorityGroups("jobs")
                    .priorityPolicy(PriorityPolicy.PINNED_CLIENT)
                    .priorityTimeout(Duration.ofMinutes(2))
                    .build());
    assertEquals(PriorityPolicy.PINNED_CLIENT, pinned.config().priorityPolicy());
    assertEquals(List.of("jobs"), pinned.config().priorityGroups());
    js.consumers().unpin(stream, "pin", "jobs");
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class, () -> js.consumers().unpin(stream, "pin", "nogroup"));
    assertEquals(400, e.apiCode());
  }

  @Test
  void resetsToTheStartOrASequence() {
    js.consumers().create(stream, ConsumerConfig.builder().name("r").build());
    ConsumerResetResult toAckFloor = js.consumers().reset(stream, "r");
    assertEquals(1, toAckFloor.resetSequence(), "nothing acked yet: from the start");
    assertEquals(5, toAckFloor.info().numPending());
    ConsumerResetResult toSeq = js.consumers().reset(stream, "r", 3);
    assertEquals(3, toSeq.resetSequence());
    assertEquals(3, toSeq.info().numPending());
  }

  @Test
  void theServersConsumerConfigCanBeSentBack() {
    ConsumerInfo created =
        js.consumers()
            .create(
                stream,
                ConsumerConfig.builder()
                    .durableName("echo")
                    .ackPolicy(AckPolicy.EXPLICIT)
                    .maxWaiting(100)
                    .maxBatch(10)
                    .maxExpires(Duration.ofSeconds(30))
                    .pauseUntil(Instant.now().plusSeconds(3600))
                    .build());
    ConsumerInfo again = js.consumers().update(stream, created.config());
    assertEquals(created.config().maxBatch(), again.config().maxBatch());
    assertEquals(created.config().ackWait(), again.config().ackWait());
  }

  @Test
  void fieldsAboveTheServersApiLevelAreRefusedBeforeSending() {
    JetStream old = JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(0).build());
    try {
      ApiLevelException e =
          assertThrows(
              ApiLevelException.class,
              () ->
                  old.consumers()
                      .create(
                          stream,
                          ConsumerConfig.builder()
                              .name("old")
                              .priorityGroups("g")
                              .priorityPolicy(PriorityPolicy.OVERFLOW)
                              .build()));
      assertEquals(1, e.requiredLevel());
      assertTrue(e.getMessage().contains("nats-server 2.11.0"), e.getMessage());
      assertThrows(ApiLevelException.class, () -> old.consumers().resume(stream, "x"));
      assertFalse(js.consumers().names(stream).contains("old"), "nothing was sent");
    } finally {
      old.close();
    }
  }
}
