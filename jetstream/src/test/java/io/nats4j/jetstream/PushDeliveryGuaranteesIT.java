package io.nats4j.jetstream;

import static io.nats4j.jetstream.ReadFaults.BOUND;
import static io.nats4j.jetstream.ReadFaults.N;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push consumer's promise, black box: no message lost, and none delivered twice unless the
 * server sent it again (a new delivery, with its own ack subject), for consume and the messages
 * iterator, through a consumer leader stepdown and a stream leader kill -9 on a 3-node cluster (R3
 * stream and consumer), a server restart and a reconnect. Each test sends 10,000 messages, acks
 * each, and injects its fault when half were handled, while the reader holds the next one back.
 */
class PushDeliveryGuaranteesIT {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static NatsCluster cluster;
  private static NatsServer single;

  /** The two ways to read a push consumer. */
  enum Form {
    CONSUME,
    ITERATE
  }

  /** What is done to the system when half the messages were handled. */
  interface Fault {
    void inject() throws Exception;
  }

  @BeforeAll
  static void startServers() {
    cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build());
    single = NatsServer.start(ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stopServers() {
    try {
      cluster.close();
    } finally {
      single.close();
    }
    LibraryThreads.assertNoneLeaked();
  }

  // After a push consumer's leader moves, the server sends the in-flight messages again with
  // num_delivered 1 (2.15.2 too; ConsumeClusterIT sees counted redeliveries for pull), so a server
  // redelivery is told from a client duplicate by its ack subject, not by its count.
  @ParameterizedTest
  @EnumSource(Form.class)
  @RequiresServerVersion("2.11.0")
  void noLossNoUncountedDuplicateThroughAConsumerLeaderStepdown(Form form) throws Exception {
    String stream = "PDSTEP" + COUNTER.incrementAndGet();
    NatsServer leader = ReadFaults.createStream(cluster, r3(stream));
    try (Connection nc = Nats.connect(ReadFaults.urlsPreferringAllBut(cluster, leader));
        JetStream js = JetStream.of(nc)) {
      createConsumer(js, stream, 3);
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, () -> ReadFaults.stepDownConsumer(nc, stream, "worker"));
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  @RequiresServerVersion("2.11.0")
  void noLossNoUncountedDuplicateThroughAStreamLeaderKill(Form form) throws Exception {
    String stream = "PDKILL" + COUNTER.incrementAndGet();
    NatsServer leader = ReadFaults.createStream(cluster, r3(stream));
    try (Connection nc = Nats.connect(ReadFaults.urlsPreferringAllBut(cluster, leader));
        JetStream js = JetStream.of(nc)) {
      createConsumer(js, stream, 3);
      leadConsumerFrom(nc, js, stream, ReadFaults.nameOf(leader));
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, leader::kill);
    } finally {
      leader.restart();
      cluster.awaitFormed();
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void noLossNoUncountedDuplicateThroughAServerRestart(Form form) throws Exception {
    String stream = "PDRESTART" + COUNTER.incrementAndGet();
    try (Connection nc = Nats.connect(single.clientUrl());
        JetStream js = JetStream.of(nc)) {
      ReadFaults.createSingleStream(js, stream, StorageType.FILE);
      createConsumer(js, stream, 1);
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, () -> ReadFaults.restartAndAwaitReconnect(single, nc));
      js.streams().delete(stream);
    }
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void noLossNoUncountedDuplicateThroughAReconnect(Form form) throws Exception {
    String stream = "PDRECONNECT" + COUNTER.incrementAndGet();
    try (Connection nc = Nats.connect(single.clientUrl());
        JetStream js = JetStream.of(nc)) {
      ReadFaults.createSingleStream(js, stream, StorageType.MEMORY);
      createConsumer(js, stream, 1);
      ReadFaults.publishNumbers(js, stream.toLowerCase(), N);
      readThrough(js, stream, form, nc::forceReconnect);
      js.streams().delete(stream);
    }
  }

  private static StreamConfig r3(String stream) {
    return StreamConfig.builder(stream).subjects(stream.toLowerCase()).numReplicas(3).build();
  }

  private static void createConsumer(JetStream js, String stream, int replicas) {
    js.consumers()
        .create(
            stream,
            ConsumerConfig.builder()
                .durableName("worker")
                .deliverSubject("deliver." + stream)
                .ackPolicy(AckPolicy.EXPLICIT)
                .ackWait(Duration.ofSeconds(3))
                .idleHeartbeat(Duration.ofSeconds(1))
                .flowControl(true)
                .numReplicas(replicas)
                .build());
  }

  /** The harder case: the server about to be killed leads the consumer too. */
  private static void leadConsumerFrom(Connection nc, JetStream js, String stream, String server) {
    byte[] preferred =
        ("{\"placement\":{\"preferred\":\"" + server + "\"}}").getBytes(StandardCharsets.UTF_8);
    Await.until(
        () -> {
          try {
            ClusterInfo ci = js.consumers().info(stream, "worker").cluster();
            if (ci != null && server.equals(ci.leader())) {
              return true;
            }
            nc.request(
                "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + ".worker",
                preferred,
                Duration.ofSeconds(5));
          } catch (NatsException e) {
            // an election is running; ask again
          }
          return false;
        },
        BOUND,
        "the consumer led by " + server);
  }

  /**
   * Reads the consumer in {@code form}, acking each message; when half was handled, holds the
   * reader, injects the fault, lets it go on; then checks that every id came, and that each one
   * that came again came with a delivery count above one.
   */
  private static void readThrough(JetStream js, String stream, Form form, Fault fault)
      throws Exception {
    Map<Integer, Integer> deliveries = new ConcurrentHashMap<>();
    // a delivery is named by its ack subject (consumer sequence, count, timestamp, pending). A new
    // consumer leader may send its in-flight window again byte for byte (same ack subjects), so a
    // client duplicate is an ack subject handed to the application more often than the server sent
    // it, as counted on the wire by a second subscriber on the deliver subject
    Map<String, Integer> handedByReply = new ConcurrentHashMap<>();
    Map<String, Integer> sentByReply = new ConcurrentHashMap<>();
    AtomicInteger uncounted = new AtomicInteger();
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    AtomicInteger handled = new AtomicInteger();
    CountDownLatch half = new CountDownLatch(1);
    CountDownLatch faulted = new CountDownLatch(1);
    JsMessageHandler handler =
        m -> {
          int id = Integer.parseInt(m.dataAsString());
          int seen = deliveries.merge(id, 1, Integer::sum);
          handedByReply.merge(m.replyTo(), 1, Integer::sum);
          if (seen > 1 && m.metadata().numDelivered() < 2) {
            uncounted.incrementAndGet();
          }
          if (handled.incrementAndGet() == N / 2) {
            half.countDown();
            ReadFaults.await(faulted);
          }
          m.ack();
        };
    PushConsumeOptions options =
        PushConsumeOptions.builder()
            .errorListener(
                new ConsumeErrorListener() {
                  @Override
                  public void terminated(JetStreamException error) {
                    errors.add(error);
                  }
                })
            .build();
    PushConsumer pc = js.pushConsumer(stream, "worker");
    AutoCloseable reader = start(pc, form, handler, options, errors);
    long start = System.nanoTime();
    // subscribed after the reader started (first interest starts delivery), long before the fault
    // at half way, so every frame the server sends again is counted
    Connection wire = Nats.connect(js.connection().connectedUrl());
    wire.defaultDispatcher()
        .subscribe(
            "deliver." + stream,
            m -> {
              if (m.replyTo() != null && m.replyTo().startsWith("$JS.ACK.")) {
                sentByReply.merge(m.replyTo(), 1, Integer::sum);
              }
            });
    wire.flush(BOUND);
    boolean handledAll = false;
    try {
      assertTrue(half.await(BOUND.toSeconds(), TimeUnit.SECONDS), "half handled: " + errors);
      long faultAt = System.nanoTime();
      fault.inject();
      faulted.countDown();
      try {
        Await.until(() -> deliveries.size() == N, BOUND, form + ": every message handled");
      } catch (AssertionError timeout) {
        // the state at the end of the wait, not at its start
        throw new AssertionError(
            form + ": " + deliveries.size() + " of " + N + " handled; errors " + errors, timeout);
      }
      System.out.printf(
          "PushDeliveryGuaranteesIT %s: %d in %d ms, the rest %d ms after the fault;"
              + " %d redeliveries, %d of them sent again by the server with num_delivered 1%n",
          form,
          N,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultAt),
          handled.get() - N,
          uncounted.get());
      handledAll = true;
    } finally {
      faulted.countDown();
      reader.close();
      if (!handledAll) {
        wire.close();
      }
    }
    List<String> clientDuplicates;
    try (wire) {
      Await.until(
          () -> clientDuplicates(handedByReply, sentByReply).isEmpty(),
          Duration.ofSeconds(5),
          "the frames sent again to reach the wire counter");
    } catch (AssertionError e) {
      // reported below with the ack subjects
    }
    clientDuplicates = clientDuplicates(handedByReply, sentByReply);
    assertEquals(
        List.of(), clientDuplicates, "no delivery handed to the application more than sent");
    assertEquals(List.of(), errors, "no terminal error");
  }

  /** Ack subjects handed more often than sent, at most 20 (a first sending missed is one). */
  private static List<String> clientDuplicates(
      Map<String, Integer> handed, Map<String, Integer> sent) {
    return handed.entrySet().stream()
        .filter(e -> e.getValue() > Math.max(1, sent.getOrDefault(e.getKey(), 0)))
        .limit(20)
        .map(e -> e.getKey() + " handed " + e.getValue() + ", sent " + sent.get(e.getKey()))
        .toList();
  }

  private static AutoCloseable start(
      PushConsumer pc,
      Form form,
      JsMessageHandler handler,
      PushConsumeOptions options,
      List<Throwable> errors) {
    if (form == Form.CONSUME) {
      ConsumeHandle h = pc.consume(handler, options);
      return h::stop;
    }
    ConsumerMessages it = pc.messages(options);
    AtomicBoolean closed = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              try {
                while (!closed.get()) {
                  it.next(Duration.ofSeconds(1)).ifPresent(handler::onMessage);
                }
              } catch (RuntimeException e) {
                if (!closed.get()) {
                  errors.add(e);
                }
              }
            },
            "push-reader");
    t.setDaemon(true);
    t.start();
    return () -> {
      closed.set(true);
      it.stop();
      t.join(10_000);
    };
  }
}
