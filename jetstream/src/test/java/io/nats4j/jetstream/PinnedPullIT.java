package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pinned-client priority group (ADR-42) read by every pull form against the real server: the pin
 * id is kept from delivered messages and sent with every later pull, and a {@code 423} forgets it
 * together with what the refused request counted.
 */
@RequiresServerVersion("2.11.0") // priority groups: API level 1
class PinnedPullIT extends StreamTestBase {
  private static final String GROUP = "jobs";

  PinnedPullIT(NatsServer server) {
    super(server, "PINNED");
  }

  @BeforeEach
  void createMemoryStream() {
    createStream(StorageType.MEMORY);
  }

  private ConsumerContext pinnedConsumer() {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName("worker")
                .ackPolicy(AckPolicy.EXPLICIT)
                .priorityGroups(GROUP)
                .priorityPolicy(PriorityPolicy.PINNED_CLIENT)
                .priorityTimeout(Duration.ofMinutes(2))
                .build());
    return js.consumer(stream, "worker");
  }

  @Test
  void fetchAndNextSendThePinSoThePinnedMemberKeepsBeingServed() {
    ConsumerContext c = pinnedConsumer();
    publishNumbers("job", 1, 5);
    FetchOptions one =
        FetchOptions.builder()
            .maxMessages(1)
            .expiresIn(Duration.ofSeconds(2))
            .priority(PriorityPull.group(GROUP))
            .build();
    List<String> pins = new CopyOnWriteArrayList<>();
    for (int i = 1; i <= 3; i++) {
      FetchResult r = c.fetch(one);
      assertEquals(1, r.size(), "fetch " + i + " of a pinned member is served (" + r.end() + ")");
      JsMessage m = r.messages().get(0);
      pins.add(m.headers().first("Nats-Pin-Id"));
      m.ack();
    }
    for (int i = 4; i <= 5; i++) {
      JsMessage m =
          c.next(Duration.ofSeconds(2), PriorityPull.group(GROUP))
              .orElseThrow(() -> new AssertionError("next of a pinned member is served"));
      pins.add(m.headers().first("Nats-Pin-Id"));
      m.ack();
    }
    assertNotNull(pins.get(0));
    assertEquals(1, pins.stream().distinct().count(), "one pin throughout: " + pins);
  }

  @Test
  void aConsumeOnTheHandleThatFetchedSendsItsPinAndIsServed() throws InterruptedException {
    ConsumerContext c = pinnedConsumer();
    publishNumbers("job", 1, 1);
    JsMessage first =
        c.next(Duration.ofSeconds(2), PriorityPull.group(GROUP))
            .orElseThrow(() -> new AssertionError("the first pull is pinned"));
    String pin = first.headers().first("Nats-Pin-Id");
    first.ack();
    BlockingQueue<JsMessage> handled = new LinkedBlockingQueue<>();
    try (ConsumeHandle h =
        c.consume(
            handled::add,
            ConsumeOptions.builder().batchSize(10).priority(PriorityPull.group(GROUP)).build())) {
      publishNumbers("job", 2, 1);
      JsMessage second = handled.poll(5, TimeUnit.SECONDS);
      assertNotNull(second, "the handle's pin goes with the consume's pulls: served, no standby");
      assertEquals(pin, second.headers().first("Nats-Pin-Id"));
      second.ack();
    }
  }

  @Test
  void aFetchAfterTheUnpinPullsWithoutTheOldPinAndIsPinnedAgain() {
    ConsumerContext c = pinnedConsumer();
    publishNumbers("job", 1, 2);
    FetchOptions one =
        FetchOptions.builder()
            .maxMessages(1)
            .expiresIn(Duration.ofSeconds(2))
            .priority(PriorityPull.group(GROUP))
            .build();
    JsMessage first = c.fetch(one).messages().get(0);
    String pin = first.headers().first("Nats-Pin-Id");
    first.ack();
    js.consumers().unpin(stream, "worker", GROUP);
    // the first pull after the unpin may be refused (423) for its stale id; at most one is
    FetchResult r;
    try {
      r = c.fetch(one);
    } catch (JetStreamException e) {
      assertTrue(e.getMessage().contains("423"), e.getMessage());
      r = c.fetch(one);
    }
    assertEquals(1, r.size(), "served again after the unpin: " + r.end());
    String newPin = r.messages().get(0).headers().first("Nats-Pin-Id");
    assertNotNull(newPin);
    assertTrue(!newPin.equals(pin), "a new pin");
  }

  @Test
  void aPullRefusedForAStalePinIsNotCountedAndTheConsumeTakesOverWhenThePinExpires()
      throws InterruptedException {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName("worker")
                .ackPolicy(AckPolicy.EXPLICIT)
                .priorityGroups(GROUP)
                .priorityPolicy(PriorityPolicy.PINNED_CLIENT)
                .priorityTimeout(Duration.ofSeconds(2))
                .build());
    ConsumerContext admin = js.consumer(stream, "worker");
    BlockingQueue<JsMessage> handled = new LinkedBlockingQueue<>();
    // batch 10, pull again at 1 pending; heartbeats 10 s apart: the missed-heartbeat reset would
    // take 20 s, longer than the bound
    ConsumeOptions o =
        ConsumeOptions.builder()
            .batchSize(10)
            .thresholdMessages(1)
            .expiresIn(Duration.ofSeconds(30))
            .idleHeartbeat(Duration.ofSeconds(10))
            .priority(PriorityPull.group(GROUP))
            .build();
    try (GateProxy proxy = new GateProxy(server.host(), server.port());
        Connection slow = Nats.connect(proxy.url());
        JetStream sjs = JetStream.of(slow);
        ConsumeHandle h = sjs.consumer(stream, "worker").consume(handled::add, o)) {
      Await.until(() -> admin.info().numWaiting() > 0, "the first pull waits at the server");
      // what the consume sends now (its next pull, with the pin id) is held on the way
      proxy.holdUpstream();
      publishNumbers("job", 1, 10);
      for (int i = 1; i <= 10; i++) {
        JsMessage m = handled.poll(10, TimeUnit.SECONDS);
        assertNotNull(m, "message " + i + " of the first pull");
        assertNotNull(m.headers().first("Nats-Pin-Id"), "pinned");
        m.ack();
      }
      // the pin moves to another member while the consume's pull is on its way
      js.consumers().unpin(stream, "worker", GROUP);
      publishNumbers("job", 11, 1);
      FetchResult other =
          admin.fetch(
              FetchOptions.builder()
                  .maxMessages(1)
                  .expiresIn(Duration.ofSeconds(2))
                  .priority(PriorityPull.group(GROUP))
                  .build());
      assertEquals(1, other.size(), "the other member is pinned now");
      other.messages().get(0).ack();
      // the held pull arrives with the stale pin: refused (423, no pending counts). The consume
      // must forget what it counted for it and pull again, as a standby
      proxy.releaseUpstream();
      publishNumbers("job", 12, 1);
      // the other member does not pull again: its pin expires after 2 s and the standby takes over
      JsMessage taken = handled.poll(8, TimeUnit.SECONDS);
      assertNotNull(taken, "the consume took over within 8 s of the pin's expiry");
      assertEquals("12", taken.dataAsString());
      taken.ack();
      assertTrue(!h.closed().isDone());
    }
  }
}
