package io.nats4j.jetstream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The push machinery (subscription, heartbeats, flow control) against the real server. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class PushEngineIT {
  private static final Duration HEARTBEAT = Duration.ofMillis(250);
  private static int counter;

  private final NatsServer server;
  private Connection nc;
  private JetStream js;
  private ApiClient api;
  private String stream;
  private String subject;

  PushEngineIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connectAndCreateStream() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    api = new ApiClient(nc, JetStreamOptions.defaults());
    stream = "PUSH" + (++counter);
    subject = stream.toLowerCase();
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(subject + ".>")
                .storage(StorageType.MEMORY)
                .build());
  }

  @AfterEach
  void deleteStreamAndDisconnect() {
    try {
      js.streams().delete(stream);
    } catch (RuntimeException ignored) {
      // a test may have deleted it
    }
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** A push consumer without acks that sends idle heartbeats. */
  private ConsumerInfo heartbeatingConsumer(String name) {
    return pushConsumer(
        name, ConsumerConfig.builder().ackPolicy(AckPolicy.NONE).idleHeartbeat(HEARTBEAT));
  }

  private ConsumerInfo pushConsumer(String name, ConsumerConfig.Builder config) {
    return js.consumers()
        .create(stream, config.durableName(name).deliverSubject(nc.createInbox()).build());
  }

  private void publish(int count, int size) {
    byte[] filler = new byte[Math.max(0, size - 8)];
    for (int i = 1; i <= count; i++) {
      byte[] id = String.format("%08d", i).getBytes(StandardCharsets.US_ASCII);
      byte[] data = new byte[id.length + filler.length];
      System.arraycopy(id, 0, data, 0, id.length);
      js.publishAsync(subject + ".m", data);
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(30));
  }

  private static int idOf(Message m) {
    return Integer.parseInt(new String(m.data(), 0, 8, StandardCharsets.US_ASCII));
  }

  @Test
  void deliversEveryMessageInOrderAndStatusMessagesNeverReachTheHandler() throws Exception {
    ConsumerInfo info = heartbeatingConsumer("all");
    List<Message> received = new CopyOnWriteArrayList<>();
    RecordingEvents events = new RecordingEvents();
    PushConsume consume = new PushConsume(api, nc.defaultDispatcher(), info, received::add, events);
    publish(100, 16);
    Await.until(() -> received.size() == 100, "100 messages delivered");
    // idle now: the server sends heartbeats, which are handled and never delivered
    Await.until(() -> consume.control().heartbeats() >= 2, "two idle heartbeats seen");
    assertEquals(100, received.size());
    for (int i = 0; i < 100; i++) {
      assertEquals(0, received.get(i).statusCode());
      assertEquals(i + 1, idOf(received.get(i)));
    }
    assertTrue(events.missed.isEmpty(), "no heartbeat reported missed: " + events.missed);
    consume.stop();
    consume.closed().get(5, TimeUnit.SECONDS);
  }

  @Test
  void answersFlowControlSoALargeBacklogIsDeliveredWithoutStalling() throws Exception {
    ConsumerInfo info =
        pushConsumer(
            "fc",
            ConsumerConfig.builder()
                .ackPolicy(AckPolicy.NONE)
                .flowControl(true)
                .idleHeartbeat(Duration.ofSeconds(5)));
    publish(400, 32 * 1024); // 12.8 MiB: far beyond the server's first flow-control window
    Set<Integer> ids = Collections.synchronizedSet(new HashSet<>());
    AtomicInteger statuses = new AtomicInteger();
    PushConsume consume =
        new PushConsume(
            api,
            nc.defaultDispatcher(),
            info,
            m -> {
              if (m.statusCode() != 0) {
                statuses.incrementAndGet();
              }
              ids.add(idOf(m));
            },
            new RecordingEvents());
    Await.until(() -> ids.size() == 400, Duration.ofSeconds(30), "all 400 delivered");
    assertEquals(0, statuses.get());
    assertTrue(
        consume.control().flowControlReplies() > 0,
        "flow control was requested and answered: " + consume.control().flowControlReplies());
    // With the heartbeat at 5 s the backlog could not have been released by stalled heartbeats
    // alone within the wait above had flow-control requests gone unanswered.
    assertEquals(0, consume.control().stalledReplies());
    consume.stop();
  }

  @Test
  void deliverGroupSplitsMessagesBetweenTwoConsumesWithoutDuplicates() throws Exception {
    ConsumerInfo info =
        pushConsumer(
            "grp",
            ConsumerConfig.builder()
                .ackPolicy(AckPolicy.NONE)
                .deliverGroup("workers")
                .idleHeartbeat(HEARTBEAT));
    List<Integer> first = new CopyOnWriteArrayList<>();
    List<Integer> second = new CopyOnWriteArrayList<>();
    try (Connection other = Nats.connect(server.clientUrl())) {
      ApiClient otherApi = new ApiClient(other, JetStreamOptions.defaults());
      RecordingEvents eventsA = new RecordingEvents();
      RecordingEvents eventsB = new RecordingEvents();
      PushConsume a =
          new PushConsume(api, nc.defaultDispatcher(), info, m -> first.add(idOf(m)), eventsA);
      PushConsume b =
          new PushConsume(
              otherApi, other.defaultDispatcher(), info, m -> second.add(idOf(m)), eventsB);
      nc.flush(Duration.ofSeconds(5));
      other.flush(Duration.ofSeconds(5));
      publish(400, 16);
      Await.until(() -> first.size() + second.size() >= 400, "400 delivered to the group");
      nc.flush(Duration.ofSeconds(5));
      assertEquals(400, first.size() + second.size());
      Set<Integer> all = new HashSet<>(first);
      all.addAll(second);
      assertEquals(400, all.size(), "no message went to both members");
      assertFalse(first.isEmpty(), "first member got some");
      assertFalse(second.isEmpty(), "second member got some");
      // heartbeats go to one member of the group each, so neither may call them missed
      Await.until(
          () -> a.control().heartbeats() + b.control().heartbeats() >= 10,
          "ten idle heartbeats shared by the group");
      assertTrue(eventsA.missed.isEmpty() && eventsB.missed.isEmpty(), "no false missed report");
      a.stop();
      b.stop();
    }
  }

  @Test
  void iteratorAnswersFlowControlOnlyAsTheCallerReads() {
    ConsumerInfo info =
        pushConsumer(
            "iter",
            ConsumerConfig.builder()
                .ackPolicy(AckPolicy.NONE)
                .flowControl(true)
                .idleHeartbeat(Duration.ofSeconds(5)));
    publish(300, 32 * 1024);
    try (PushMessages messages = new PushMessages(api, info, new RecordingEvents())) {
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        Message m = messages.next(Duration.ofSeconds(10));
        if (m == null) {
          break;
        }
        assertEquals(0, m.statusCode());
        ids.add(idOf(m));
      }
      assertEquals(300, ids.size());
      for (int i = 0; i < 300; i++) {
        assertEquals(i + 1, ids.get(i));
      }
      assertTrue(messages.control().flowControlReplies() > 0);
      assertEquals(0, messages.control().stalledReplies(), "no stall: every request was answered");
      assertNull(messages.next(Duration.ZERO), "nothing more");
      messages.stop();
      assertThrows(IllegalStateException.class, () -> messages.next(Duration.ofSeconds(1)));
    }
  }

  @Test
  void serverWaitsForAReaderThatDoesNotReadBecauseFlowControlIsAnsweredInDeliveryOrder() {
    ConsumerInfo info =
        pushConsumer(
            "window",
            ConsumerConfig.builder()
                .ackPolicy(AckPolicy.NONE)
                .flowControl(true)
                .idleHeartbeat(HEARTBEAT));
    publish(400, 32 * 1024);
    // a plain core subscriber on the deliver subject sees what the server sends, and never answers
    AtomicInteger seenData = new AtomicInteger();
    AtomicInteger dataWhenStalled = new AtomicInteger(-1);
    try (Connection observer = Nats.connect(server.clientUrl());
        PushMessages messages = new PushMessages(api, info, new RecordingEvents())) {
      // the iterator's interest reaches the server first: whatever is delivered, it gets all
      nc.flush(Duration.ofSeconds(5));
      observer
          .defaultDispatcher()
          .subscribe(
              info.config().deliverSubject(),
              m -> {
                if (m.statusCode() == 0) {
                  seenData.incrementAndGet();
                } else if (m.headers().first(PushControl.CONSUMER_STALLED) != null) {
                  dataWhenStalled.compareAndSet(-1, seenData.get());
                }
              });
      observer.flush(Duration.ofSeconds(5));
      // nobody reads the iterator: its flow-control request waits in its queue unanswered
      Await.until(() -> dataWhenStalled.get() >= 0, "the server stalls on its window");
      assertTrue(
          dataWhenStalled.get() < 400,
          "the server stopped before the backlog: " + dataWhenStalled.get() + " of 400");
      assertEquals(0, messages.control().flowControlReplies());
      for (int i = 1; i <= 400; i++) {
        Message m = messages.next(Duration.ofSeconds(10));
        assertEquals(i, idOf(m), "in order, none lost");
      }
      assertTrue(messages.control().flowControlReplies() > 0);
    }
  }

  @Test
  void drainCompletesAfterTheLastHandlerCallReturned() throws Exception {
    ConsumerInfo info = pushConsumer("drain", ConsumerConfig.builder().ackPolicy(AckPolicy.NONE));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    AtomicInteger returned = new AtomicInteger();
    PushConsume consume =
        new PushConsume(
            api,
            nc.defaultDispatcher(),
            info,
            m -> {
              handled.incrementAndGet();
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              returned.incrementAndGet();
            },
            PushEvents.NONE);
    publish(20, 16);
    assertTrue(started.await(10, TimeUnit.SECONDS));
    Await.until(() -> consume.subscription().pendingMessages() == 20, "all 20 arrived");
    CompletableFuture<Void> drained = consume.drain();
    assertFalse(drained.isDone(), "a handler call is still running");
    release.countDown();
    drained.get(10, TimeUnit.SECONDS);
    assertEquals(20, handled.get(), "what had arrived was delivered");
    assertEquals(20, returned.get(), "completed only after the last handler returned");
  }

  @Test
  void consumerDeletedWhileConsumingEndsTheConsumeWithATerminalError() throws Exception {
    ConsumerInfo info = heartbeatingConsumer("gone");
    List<Message> received = new CopyOnWriteArrayList<>();
    RecordingEvents events = new RecordingEvents();
    PushConsume consume = new PushConsume(api, nc.defaultDispatcher(), info, received::add, events);
    publish(10, 16);
    Await.until(() -> received.size() == 10, "10 delivered");
    js.consumers().delete(stream, "gone");
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> consume.closed().get(10, TimeUnit.SECONDS));
    assertInstanceOf(JetStreamException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("no longer exists"), e.getCause().getMessage());
    assertEquals(1, events.terminal.size(), "reported once");
    assertFalse(events.missed.isEmpty(), "missed heartbeats were reported first");
    assertFalse(consume.subscription().isActive(), "unsubscribed");
  }

  @Test
  void pausedServerIsReportedAsMissedHeartbeatsAndDeliveryResumesAfterward() throws Exception {
    ConsumerInfo info = heartbeatingConsumer("pause");
    List<Message> received = new CopyOnWriteArrayList<>();
    RecordingEvents events = new RecordingEvents();
    PushConsume consume = new PushConsume(api, nc.defaultDispatcher(), info, received::add, events);
    publish(5, 16);
    Await.until(() -> received.size() == 5, "5 delivered");
    server.pause();
    try {
      Await.until(() -> !events.missed.isEmpty(), "missed heartbeats reported while paused");
    } finally {
      server.resume();
    }
    Duration silence = events.missed.get(0);
    assertTrue(
        silence.compareTo(HEARTBEAT.multipliedBy(2)) >= 0,
        "ADR-9: missed after two heartbeat intervals, reported after " + silence);
    publish(5, 16);
    Await.until(() -> received.size() == 10, "delivery resumed");
    assertTrue(events.terminal.isEmpty(), "no terminal error: " + events.terminal);
    assertFalse(consume.closed().isDone());
    consume.stop();
  }

  static final class RecordingEvents implements PushEvents {
    final List<Duration> missed = new CopyOnWriteArrayList<>();
    final List<String> statuses = new CopyOnWriteArrayList<>();
    final List<JetStreamException> terminal = new CopyOnWriteArrayList<>();

    @Override
    public void heartbeatsMissed(Duration silence) {
      missed.add(silence);
    }

    @Override
    public void unexpectedStatus(int code, String description) {
      statuses.add(code + " " + description);
    }

    @Override
    public void terminal(JetStreamException cause) {
      terminal.add(cause);
    }
  }
}
