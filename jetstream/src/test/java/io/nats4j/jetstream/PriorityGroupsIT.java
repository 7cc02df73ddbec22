package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Priority groups (ADR-42) with two consumes in one group on one pull consumer, against the real
 * server (2.11+ for overflow and pinned_client, 2.12+ for prioritized).
 */
@RequiresServerVersion("2.11.0") // priority groups: API level 1
class PriorityGroupsIT extends StreamTestBase {
  private static final String GROUP = "jobs";

  PriorityGroupsIT(NatsServer server) {
    super(server, "PRIO");
  }

  @BeforeEach
  void createMemoryStream() {
    createStream(StorageType.MEMORY);
  }

  private ConsumerContext create(PriorityPolicy policy) {
    ConsumerConfig.Builder b =
        ConsumerConfig.builder()
            .durableName("worker")
            .ackPolicy(AckPolicy.EXPLICIT)
            .priorityGroups(GROUP)
            .priorityPolicy(policy);
    if (policy == PriorityPolicy.PINNED_CLIENT) {
      b.priorityTimeout(Duration.ofMinutes(1));
    }
    js.consumers().create(stream, b.build());
    return js.consumer(stream, "worker");
  }

  private static ConsumeOptions pulls(PriorityPull priority) {
    return ConsumeOptions.builder().batchSize(10).priority(priority).build();
  }

  private static JsMessageHandler collect(List<Integer> into, List<String> pins) {
    return m -> {
      into.add(Integer.parseInt(m.dataAsString()));
      if (pins != null) {
        pins.add(m.headers() == null ? null : m.headers().first("Nats-Pin-Id"));
      }
      m.ack();
    };
  }

  @Test
  void overflowMemberGetsMessagesOnlyWhileTheBacklogIsAtLeastMinPending() {
    ConsumerContext c = create(PriorityPolicy.OVERFLOW);
    List<Integer> overflow = new CopyOnWriteArrayList<>();
    List<Integer> regular = new CopyOnWriteArrayList<>();
    publishNumbers("job", 1, 50);
    try (ConsumeHandle b =
        c.consume(collect(overflow, null), pulls(PriorityPull.group(GROUP).minPending(100)))) {
      Await.until(() -> c.info().numWaiting() > 0, "the overflow pull waits at the server");
      // 50 pending < 100: the overflow member's waiting pull is not served
      ConsumerInfo idle = c.info();
      assertEquals(50, idle.numPending());
      assertEquals(0, overflow.size());
      publishNumbers(
          "job", 51,
          100); // 150 pending >= 100: now it is served, until the backlog falls under 100
      Await.until(() -> !overflow.isEmpty(), "the overflow member is served");
      // settled: under min_pending nothing more is delivered, and all it got was handled and acked
      // (no ack pending at one moment is not enough: the next message may be on its way)
      Await.until(
          () -> {
            ConsumerInfo now = c.info();
            return now.numPending() < 100 && now.numAckPending() == 0;
          },
          "the backlog is under min_pending and every delivered message is acked");
      ConsumerInfo after = c.info();
      assertTrue(
          after.numPending() >= 99,
          "it stops once the backlog is under min_pending: pending " + after.numPending());
      assertEquals(150, overflow.size() + after.numPending());
    }
    try (ConsumeHandle a = c.consume(collect(regular, null), pulls(PriorityPull.group(GROUP)))) {
      Await.until(
          () -> overflow.size() + regular.size() == 150, "the regular member takes the rest");
    }
    Set<Integer> all = new HashSet<>(overflow);
    all.addAll(regular);
    assertEquals(150, all.size(), "each message once");
  }

  @Test
  void overflowMemberWithMinAckPendingIsServedOnlyWhileOthersHoldThatManyUnacked() {
    ConsumerContext c = create(PriorityPolicy.OVERFLOW);
    List<Integer> overflow = new CopyOnWriteArrayList<>();
    try (ConsumeHandle o =
        c.consume(collect(overflow, null), pulls(PriorityPull.group(GROUP).minAckPending(5)))) {
      Await.until(() -> c.info().numWaiting() > 0, "the overflow pull waits at the server");
      publishNumbers("job", 1, 3);
      FetchResult first =
          c.fetch(
              FetchOptions.builder().maxMessages(3).priority(PriorityPull.group(GROUP)).build());
      assertEquals(3, first.messages().size(), "a regular member takes 3 and holds them unacked");
      publishNumbers("job", 4, 3);
      Await.until(() -> c.info().numPending() == 3, "3 new pending");
      ConsumerInfo held = c.info();
      assertEquals(3, held.numAckPending());
      assertEquals(3, held.numPending(), "3 unacked < 5: the overflow member is not served");
      assertEquals(0, overflow.size());
      FetchResult second =
          c.fetch(
              FetchOptions.builder().maxMessages(2).priority(PriorityPull.group(GROUP)).build());
      assertEquals(2, second.messages().size(), "now 5 are held unacked");
      Await.until(() -> overflow.size() == 1, "the overflow member takes the one left");
      publishNumbers("job", 7, 4);
      Await.until(() -> overflow.size() == 5, "and the next ones while 5 stay unacked");
      first.messages().forEach(JsMessage::ack);
      second.messages().forEach(JsMessage::ack);
    }
    assertEquals(List.of(6, 7, 8, 9, 10), overflow);
  }

  @Test
  void pinnedClientGetsEverythingKeepsItsPinAcrossPullsAndUnpinMovesIt() {
    ConsumerContext c = create(PriorityPolicy.PINNED_CLIENT);
    List<Integer> a = new CopyOnWriteArrayList<>();
    List<Integer> b = new CopyOnWriteArrayList<>();
    List<String> pinsA = new CopyOnWriteArrayList<>();
    List<String> pinsB = new CopyOnWriteArrayList<>();
    try (Connection other = Nats.connect(server.clientUrl());
        JetStream js2 = JetStream.of(other);
        ConsumeHandle ha = c.consume(collect(a, pinsA), pulls(PriorityPull.group(GROUP)));
        ConsumeHandle hb =
            js2.consumer(stream, "worker")
                .consume(collect(b, pinsB), pulls(PriorityPull.group(GROUP)))) {
      Await.until(() -> c.info().numWaiting() >= 2, "both members pull");
      // 100 messages in batches of 10: many pulls, all must carry the pin id to stay served
      publishNumbers("job", 1, 100);
      Await.until(() -> a.size() + b.size() == 100, "first 100 delivered");
      assertTrue(
          a.isEmpty() || b.isEmpty(), "one pinned client got all: " + a.size() + "/" + b.size());
      List<String> firstPins = a.isEmpty() ? pinsB : pinsA;
      String pin = firstPins.get(0);
      assertNotNull(pin, "messages to the pinned client carry Nats-Pin-Id");
      assertEquals(Set.of(pin), new HashSet<>(firstPins), "the same pin throughout");
      String pinnedId = c.info().priorityGroups().get(0).pinnedClientId();
      assertEquals(pin, pinnedId);

      js.consumers().unpin(stream, "worker", GROUP);
      Await.until(
          () -> {
            List<PriorityGroupState> groups = c.info().priorityGroups();
            return groups.isEmpty() || !pin.equals(groups.get(0).pinnedClientId());
          },
          "the server dropped the pin");
      // the old pin's waiting pulls were answered 423: the client forgets the id and pulls without
      // it, so the next message pins one of the members again
      publishNumbers("job", 101, 100);
      Await.until(() -> a.size() + b.size() == 200, "next 100 delivered after the unpin");
      List<String> laterPins = new CopyOnWriteArrayList<>(pinsA);
      laterPins.addAll(pinsB);
      laterPins.removeIf(pin::equals);
      assertEquals(100, laterPins.size(), "every message after the unpin has the new pin");
      assertNotEquals(pin, laterPins.get(0));
      assertEquals(1, new HashSet<>(laterPins).size(), "one new pinned client");
    }
  }

  @Test
  @RequiresServerVersion("2.12.0") // the prioritized policy: API level 2
  void prioritizedMemberWithTheHighestPriorityGetsEverythingWhileItPulls() {
    ConsumerContext c = create(PriorityPolicy.PRIORITIZED);
    List<Integer> high = new CopyOnWriteArrayList<>();
    List<Integer> low = new CopyOnWriteArrayList<>();
    ConsumeOptions highOptions =
        ConsumeOptions.builder()
            .batchSize(500)
            .priority(PriorityPull.group(GROUP).priority(0))
            .build();
    try (ConsumeHandle hl =
        c.consume(collect(low, null), pulls(PriorityPull.group(GROUP).priority(5)))) {
      try (ConsumeHandle hh = c.consume(collect(high, null), highOptions)) {
        Await.until(() -> c.info().numWaiting() >= 2, "both members pull");
        publishNumbers("job", 1, 100);
        Await.until(() -> high.size() + low.size() == 100, "100 delivered");
        assertEquals(100, high.size(), "priority 0 beats priority 5");
        assertEquals(0, low.size());
      }
      publishNumbers("job", 101, 20);
      Await.until(() -> low.size() == 20, "the lower priority member gets them once alone");
    }
  }

  @Test
  @RequiresServerVersion("2.12.0") // the prioritized policy: API level 2
  void priorityPullsNeedAServerWithPriorityGroups() {
    create(PriorityPolicy.PRIORITIZED);
    try (JetStream old =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(0).build())) {
      ConsumerContext c = old.consumer(stream, "worker");
      ApiLevelException e =
          assertThrows(
              ApiLevelException.class, () -> c.consume(m -> {}, pulls(PriorityPull.group(GROUP))));
      assertTrue(e.getMessage().contains("2.11"), e.getMessage());
      assertThrows(
          ApiLevelException.class,
          () ->
              c.fetch(
                  FetchOptions.builder()
                      .maxMessages(1)
                      .priority(PriorityPull.group(GROUP))
                      .build()));
      assertThrows(ApiLevelException.class, () -> c.messages(pulls(PriorityPull.group(GROUP))));
    }
    try (JetStream level1 =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(1).build())) {
      ConsumerContext c = level1.consumer(stream, "worker");
      ApiLevelException e =
          assertThrows(
              ApiLevelException.class,
              () -> c.consume(m -> {}, pulls(PriorityPull.group(GROUP).priority(3))));
      assertTrue(e.getMessage().contains("2.12"), e.getMessage());
    }
    assertEquals(0, js.consumer(stream, "worker").info().numWaiting(), "nothing was sent");
  }
}
