package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsException;
import io.nats4j.client.Options;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsCluster;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The black-box property of the pull forms ({@code fetch}, {@code next}, {@code consume}) on a
 * 3-node cluster, R3 stream and consumers: no message lost, none delivered twice unless the server
 * redelivered it (a higher {@code num_delivered}), through a consumer leader stepdown, a stream
 * leader kill -9, a server restart and a dropped client connection, 10,000 messages each. Also: a
 * consumer leader stepdown ({@code 409 Leadership Change}) costs a default consume no time.
 */
// 2.10 loses the delivery count of in-flight messages when the consumer leader moves
@RequiresServerVersion("2.11.0")
class PullDeliveryGuaranteesIT {
  private static final int N = 10_000;
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.start(3, ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void aConsumerLeaderStepdownDuringADefaultConsumePullsAgainAtOnce() throws Exception {
    String stream = newStream();
    NatsServer leader = createR3Stream(stream);
    try (Connection nc = Nats.connect(anyServerBut(leader).clientUrl());
        JetStream js = JetStream.of(nc)) {
      createR3Consumer(js, stream, "worker");
      ConsumerContext c = js.consumer(stream, "worker");
      BlockingQueue<JsMessage> handled = new LinkedBlockingQueue<>();
      List<Integer> warnings = new CopyOnWriteArrayList<>();
      try (ConsumeHandle h =
          c.consume(
              handled::add,
              ConsumeOptions.builder()
                  .errorListener(
                      new ConsumeErrorListener() {
                        @Override
                        public void warning(int code, String description) {
                          warnings.add(code);
                        }
                      })
                  .build())) {
        js.publish(stream.toLowerCase() + ".a", "1".getBytes(StandardCharsets.US_ASCII));
        JsMessage first = handled.poll(20, TimeUnit.SECONDS);
        assertNotNull(first, "the first message");
        first.ack();
        Await.until(() -> c.info().numWaiting() > 0, "the consume's pull waits at the leader");
        stepDownConsumerLeader(js, nc, stream, "worker");
        js.publish(stream.toLowerCase() + ".a", "2".getBytes(StandardCharsets.US_ASCII));
        long start = System.nanoTime();
        JsMessage second = handled.poll(5, TimeUnit.SECONDS);
        assertNotNull(
            second,
            "the message after the stepdown is handled within 5 s (warnings " + warnings + ")");
        System.out.println(
            "PullDeliveryGuaranteesIT: after a consumer leader stepdown the next message came in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms");
        assertEquals("2", second.dataAsString());
        second.ack();
        assertTrue(!h.closed().isDone(), "still consuming");
      }
    }
  }

  @Test
  void aConsumeThroughAKillOfTheLeaderOfStreamAndConsumerGetsEverythingSoonAfterTheElection()
      throws Exception {
    String stream = newStream();
    NatsServer leader = createR3Stream(stream);
    String leaderName = nameOf(leader);
    int n = 2000;
    try (Connection nc = Nats.connect(anyServerBut(leader).clientUrl());
        JetStream js = JetStream.of(nc)) {
      createR3Consumer(js, stream, "worker");
      // the harder case: the killed node leads the consumer too
      Await.until(
          () -> {
            if (leaderName.equals(consumerLeader(js, stream, "worker"))) {
              return true;
            }
            try {
              nc.request(
                  "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + ".worker",
                  ("{\"placement\":{\"preferred\":\"" + leaderName + "\"}}")
                      .getBytes(StandardCharsets.UTF_8),
                  Duration.ofSeconds(5));
            } catch (NatsException e) {
              // an election is running; ask again
            }
            return false;
          },
          Duration.ofSeconds(30),
          "the consumer led by the stream leader");
      String subject = stream.toLowerCase() + ".n";
      for (int i = 0; i < n; i++) {
        js.publishAsync(subject, Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
      }
      js.waitForOutstandingAcks(Duration.ofSeconds(60));
      Map<Integer, Integer> deliveries = new ConcurrentHashMap<>();
      List<String> events = new CopyOnWriteArrayList<>();
      AtomicLong killedAt = new AtomicLong();
      AtomicLong firstAfterKill = new AtomicLong();
      AtomicInteger handled = new AtomicInteger();
      CountDownLatch halfway = new CountDownLatch(1);
      CountDownLatch killed = new CountDownLatch(1);
      try (ConsumeHandle h =
          js.consumer(stream, "worker")
              .consume(
                  m -> {
                    deliveries.merge(Integer.parseInt(m.dataAsString()), 1, Integer::sum);
                    if (handled.incrementAndGet() == n / 2) {
                      halfway.countDown();
                      await(killed);
                    } else if (killedAt.get() != 0 && firstAfterKill.get() == 0) {
                      firstAfterKill.set(System.nanoTime());
                    }
                    m.ack();
                  },
                  // default batch and expiry; heartbeats 2 s apart. When the kill finds the
                  // consume with messages buffered, its next pull gets a 503 at once and is
                  // retried every second until the election is over. When it finds the consume
                  // idle, its pulls wait at the dead leader and nothing tells it (no 409 came
                  // from the new leader on 2.15): only missed heartbeats do, after 2 x 15 s with
                  // the default heartbeat (as in nats.go, whose default is the same)
                  ConsumeOptions.builder()
                      .idleHeartbeat(Duration.ofSeconds(2))
                      .errorListener(
                          new ConsumeErrorListener() {
                            @Override
                            public void warning(int code, String description) {
                              events.add(since(killedAt) + " ms: " + code + " " + description);
                            }

                            @Override
                            public void heartbeatsMissed(Duration silence) {
                              events.add(since(killedAt) + " ms: heartbeats missed " + silence);
                            }
                          })
                      .build())) {
        assertTrue(halfway.await(60, TimeUnit.SECONDS), "half processed");
        leader.kill();
        killedAt.set(System.nanoTime());
        killed.countDown();
        // when the consumer has a new leader, asked with short timeouts (an info request with no
        // leader to answer it waits out its whole timeout)
        AtomicLong newLeaderAt = new AtomicLong();
        Await.until(
            () -> {
              try {
                byte[] reply =
                    nc.request(
                            "$JS.API.CONSUMER.INFO." + stream + ".worker",
                            new byte[0],
                            Duration.ofMillis(250))
                        .data();
                JsonNode leaderNode = JsonMapper.readTree(reply).path("cluster").path("leader");
                if (!leaderNode.isMissingNode() && !leaderName.equals(leaderNode.asText())) {
                  newLeaderAt.set(System.nanoTime());
                  return true;
                }
              } catch (NatsException e) {
                // no leader yet
              }
              return false;
            },
            Duration.ofSeconds(30),
            "a new consumer leader");
        Await.until(
            () -> deliveries.size() == n, Duration.ofSeconds(60), "every message after the kill");
        long allAfter = since(killedAt);
        System.out.printf(
            "PullDeliveryGuaranteesIT consume through a leader kill: first delivery %d"
                + " ms, consumer leader elected %d ms, all %d delivered %d ms, %d redeliveries;"
                + " events %s%n",
            TimeUnit.NANOSECONDS.toMillis(firstAfterKill.get() - killedAt.get()),
            TimeUnit.NANOSECONDS.toMillis(newLeaderAt.get() - killedAt.get()),
            n,
            allAfter,
            handled.get() - n,
            events);
        // the client's part: a pull again within a second of the election (before: after the
        // consumer check's 5 s info timeout, and again 6 s later if the election was not over)
        long resumedAfterElection =
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - newLeaderAt.get());
        assertTrue(
            resumedAfterElection < 5_000,
            "every message back within 5 s of the new consumer leader: " + resumedAfterElection);
      } finally {
        leader.restart();
        cluster.awaitFormed();
      }
    }
  }

  private static long since(AtomicLong start) {
    long s = start.get();
    return s == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - s);
  }

  private static void stepDownConsumerLeader(
      JetStream js, Connection nc, String stream, String consumer) {
    String before = consumerLeader(js, stream, consumer);
    Await.until(
        () -> {
          try {
            nc.request(
                "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + "." + consumer,
                new byte[0],
                Duration.ofSeconds(5));
            return true;
          } catch (NatsException e) {
            return false; // an election is running; ask again
          }
        },
        Duration.ofSeconds(30),
        "consumer leader stepdown answered");
    Await.until(
        () -> {
          String now = consumerLeader(js, stream, consumer);
          return now != null && !now.equals(before);
        },
        Duration.ofSeconds(30),
        "a new consumer leader for " + consumer);
  }

  private static String consumerLeader(JetStream js, String stream, String consumer) {
    try {
      ClusterInfo ci = js.consumers().info(stream, consumer).cluster();
      return ci == null ? null : ci.leader();
    } catch (NatsException e) {
      return null;
    }
  }

  // ---- the black-box property ----

  /** What one pull form received: every delivery by message id and delivery count. */
  static final class Tally {
    final String form;
    final Map<Integer, Integer> deliveries = new ConcurrentHashMap<>();
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final List<String> clientDuplicates = new CopyOnWriteArrayList<>();
    final List<String> uncounted = new CopyOnWriteArrayList<>();
    final AtomicInteger handled = new AtomicInteger();
    final AtomicLong lastHandled = new AtomicLong();
    final CountDownLatch halfway = new CountDownLatch(1);
    final CountDownLatch goOn = new CountDownLatch(1);

    Tally(String form) {
      this.form = form;
    }

    void record(JsMessage m) {
      int id = Integer.parseInt(m.dataAsString());
      long delivery = m.metadata().numDelivered();
      if (!seen.add(id + "/" + delivery)) {
        clientDuplicates.add(id + " delivery " + delivery);
      }
      int times = deliveries.merge(id, 1, Integer::sum);
      if (times > 1 && delivery < 2) {
        uncounted.add(id + " (time " + times + ", num_delivered " + delivery + ")");
      }
      lastHandled.set(System.nanoTime());
      m.ack();
      if (handled.incrementAndGet() == N / 2) {
        halfway.countDown();
        await(goOn);
      }
    }

    boolean complete() {
      return deliveries.size() == N;
    }

    void assertProperty() {
      assertEquals(N, deliveries.size(), form + ": every message delivered");
      assertEquals(List.of(), clientDuplicates, form + ": no delivery handed out twice");
      assertEquals(List.of(), uncounted, form + ": every duplicate is a server redelivery");
    }

    @Override
    public String toString() {
      return form + " " + deliveries.size() + "/" + N + " (" + handled.get() + " handled)";
    }
  }

  /** A fault injected while the three forms are half way through. */
  interface Fault {
    void inject(JetStream js, Connection nc, String stream);
  }

  @Test
  void noPullFormLosesOrDuplicatesThroughAConsumerLeaderStepdown() throws Exception {
    runProperty(
        "stepdown",
        null,
        (js, nc, stream) -> {
          // all three at once, so that fetch and next are still pulling when it happens
          Map<String, String> before = new ConcurrentHashMap<>();
          for (String form : FORMS) {
            before.put(form, String.valueOf(consumerLeader(js, stream, form)));
          }
          for (String form : FORMS) {
            nc.requestAsync(
                "$JS.API.CONSUMER.LEADER.STEPDOWN." + stream + "." + form,
                new byte[0],
                Duration.ofSeconds(5));
          }
          for (String form : FORMS) {
            Await.until(
                () -> {
                  String now = consumerLeader(js, stream, form);
                  return now != null && !now.equals(before.get(form));
                },
                Duration.ofSeconds(30),
                "a new consumer leader for " + form);
          }
        });
  }

  @Test
  void noPullFormLosesOrDuplicatesThroughAStreamLeaderKill() throws Exception {
    runProperty(
        "kill",
        null,
        (js, nc, stream) -> {
          NatsServer leader = serverNamed(streamLeader(js, stream));
          leader.kill();
          killed.add(leader);
        });
  }

  @Test
  void noPullFormLosesOrDuplicatesThroughARestartOfTheClientsServer() throws Exception {
    runProperty("restart", null, (js, nc, stream) -> connectedTo.get(0).restart());
  }

  @Test
  void noPullFormLosesOrDuplicatesThroughADroppedConnection() throws Exception {
    try (GateProxy proxy = new GateProxy(cluster.server(0).host(), cluster.server(0).port())) {
      runProperty("reconnect", proxy, (js, nc, stream) -> proxy.dropConnections());
    }
  }

  private static final List<String> FORMS = List.of("fetch", "next", "consume");
  private final List<NatsServer> killed = new CopyOnWriteArrayList<>();
  private final List<NatsServer> connectedTo = new CopyOnWriteArrayList<>();

  private void runProperty(String name, GateProxy proxy, Fault fault) throws Exception {
    String stream = newStream();
    NatsServer leader = createR3Stream(stream);
    NatsServer home = proxy == null ? anyServerBut(leader) : cluster.server(0);
    connectedTo.add(home);
    Options options =
        Options.builder().servers(List.of(proxy == null ? home.clientUrl() : proxy.url())).build();
    try (Connection nc = Nats.connect(options);
        JetStream js = JetStream.of(nc)) {
      for (String form : FORMS) {
        createR3Consumer(js, stream, form);
      }
      publish(js, stream);
      Tally fetch = new Tally("fetch");
      Tally next = new Tally("next");
      Tally consume = new Tally("consume");
      List<Thread> loops = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      ConsumerContext fetchConsumer = js.consumer(stream, "fetch");
      loops.add(
          loop(
              fetch,
              deadline,
              () -> {
                for (JsMessage m :
                    fetchConsumer.fetch(
                        FetchOptions.builder()
                            .maxMessages(250)
                            .expiresIn(Duration.ofSeconds(2))
                            .build())) {
                  fetch.record(m);
                }
              }));
      ConsumerContext nextConsumer = js.consumer(stream, "next");
      loops.add(
          loop(
              next,
              deadline,
              () -> nextConsumer.next(Duration.ofSeconds(2)).ifPresent(next::record)));
      long start = System.nanoTime();
      try (ConsumeHandle h =
          js.consumer(stream, "consume")
              .consume(
                  consume::record,
                  ConsumeOptions.builder()
                      .expiresIn(Duration.ofSeconds(5))
                      .idleHeartbeat(Duration.ofSeconds(1))
                      .build())) {
        for (Tally t : List.of(fetch, next, consume)) {
          assertTrue(t.halfway.await(90, TimeUnit.SECONDS), t + " reached half way");
        }
        // fetch and next pull again while the fault happens; the consume's handler holds
        fetch.goOn.countDown();
        next.goOn.countDown();
        long faultAt = System.nanoTime();
        fault.inject(js, nc, stream);
        consume.goOn.countDown();
        long injected = System.nanoTime();
        Await.until(
            () -> fetch.complete() && next.complete() && consume.complete(),
            Duration.ofSeconds(90),
            "every form got every message after the " + name);
        System.out.printf(
            "PullDeliveryGuaranteesIT %s: fault injected in %d ms; all done %d ms after it;"
                + " last delivery fetch +%d ms, next +%d ms, consume +%d ms;"
                + " handled %d/%d/%d; total %d ms%n",
            name,
            ms(injected - faultAt),
            ms(System.nanoTime() - injected),
            ms(fetch.lastHandled.get() - injected),
            ms(next.lastHandled.get() - injected),
            ms(consume.lastHandled.get() - injected),
            fetch.handled.get(),
            next.handled.get(),
            consume.handled.get(),
            ms(System.nanoTime() - start));
        assertTrue(!h.closed().isDone(), "the consume is still running");
      } finally {
        for (Thread t : loops) {
          t.interrupt();
          t.join(10_000);
        }
        for (NatsServer s : killed) {
          s.restart();
        }
        killed.clear();
        cluster.awaitFormed();
      }
      fetch.assertProperty();
      next.assertProperty();
      consume.assertProperty();
    }
  }

  private static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** Runs one pull form until its tally is complete; transient errors of the fault are retried. */
  private static Thread loop(Tally tally, long deadline, Runnable pull) {
    Thread t =
        new Thread(
            () -> {
              while (!tally.complete()
                  && System.nanoTime() < deadline
                  && !Thread.currentThread().isInterrupted()) {
                try {
                  pull.run();
                } catch (NatsException e) {
                  // a fault in progress (503, timeout, reconnecting): pull again
                  if (e.getMessage() != null && e.getMessage().contains("closed")) {
                    return;
                  }
                }
              }
            },
            "pull-" + tally.form);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void publish(JetStream js, String stream) {
    String subject = stream.toLowerCase() + ".n";
    for (int i = 0; i < N; i++) {
      js.publishAsync(subject, Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
    }
    js.waitForOutstandingAcks(Duration.ofSeconds(60));
  }

  // ---- cluster helpers ----

  private static String newStream() {
    return "PULLG" + STREAMS.incrementAndGet();
  }

  private static void createR3Consumer(JetStream js, String stream, String name) {
    Await.until(
        () -> {
          try {
            js.consumers()
                .create(
                    stream,
                    ConsumerConfig.builder()
                        .durableName(name)
                        .ackPolicy(AckPolicy.EXPLICIT)
                        .ackWait(Duration.ofSeconds(5))
                        .numReplicas(3)
                        .build());
            return true;
          } catch (NatsException e) {
            return false;
          }
        },
        Duration.ofSeconds(30),
        "R3 consumer " + name);
  }

  /** Creates an R3 stream on {@code <lower case name>.>} and returns the server that leads it. */
  private static NatsServer createR3Stream(String name) {
    try (Connection admin = Nats.connect(cluster.server(0).clientUrl());
        JetStream js = JetStream.of(admin)) {
      Await.until(
          () -> {
            try {
              js.streams()
                  .create(
                      StreamConfig.builder(name)
                          .subjects(name.toLowerCase() + ".>")
                          .numReplicas(3)
                          .build());
              return true;
            } catch (NatsException e) {
              return false; // the meta leader may still be settling
            }
          },
          Duration.ofSeconds(30),
          "R3 stream " + name + " created");
      Await.until(
          () -> streamLeader(js, name) != null, Duration.ofSeconds(30), name + " has a leader");
      return serverNamed(streamLeader(js, name));
    }
  }

  private static String streamLeader(JetStream js, String stream) {
    try {
      ClusterInfo c = js.streams().info(stream).cluster();
      return c == null ? null : c.leader();
    } catch (NatsException e) {
      return null;
    }
  }

  private static NatsServer serverNamed(String name) {
    return cluster.servers().stream().filter(s -> nameOf(s).equals(name)).findFirst().orElseThrow();
  }

  private static String nameOf(NatsServer server) {
    return JsonMapper.readTree(server.monitor("/varz").getBytes(StandardCharsets.UTF_8))
        .get("server_name")
        .asText();
  }

  private static NatsServer anyServerBut(NatsServer leader) {
    return cluster.servers().stream().filter(s -> s != leader).findFirst().orElseThrow();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
