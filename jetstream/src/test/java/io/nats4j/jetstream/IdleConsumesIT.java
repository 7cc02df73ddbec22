package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Connection;
import io.nats4j.client.Nats;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A thousand idle consumes on one connection cost no thread and little heap: pull consumes (each
 * with a waiting pull request and a heartbeat timer) and push consumes (each with its subscription
 * and heartbeat watch). The numbers are printed for the record; the thread count is asserted.
 */
@NatsServerTest
@io.nats4j.testkit.JetStream
class IdleConsumesIT {
  private static final int CONSUMES = 1000;

  private final NatsServer server;
  private Connection nc;
  private JetStream js;

  IdleConsumesIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
  }

  @AfterEach
  void close() {
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void thousandIdlePullConsumesAddNoThread() {
    js.streams().create(StreamConfig.builder("IDLEPULL").subjects("idlepull").build());
    List<ConsumerContext> consumers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      js.consumers()
          .create(
              "IDLEPULL", ConsumerConfig.builder().durableName("c" + i).maxWaiting(512).build());
      consumers.add(js.consumer("IDLEPULL", "c" + i));
    }
    ConsumeOptions options =
        ConsumeOptions.builder()
            .expiresIn(Duration.ofSeconds(30))
            .idleHeartbeat(Duration.ofSeconds(1))
            .build();
    warmUp(() -> consumers.get(0).consume(m -> {}, options));
    Snapshot before = Snapshot.take();
    List<ConsumeHandle> handles = new ArrayList<>();
    for (int i = 0; i < CONSUMES; i++) {
      handles.add(consumers.get(i % 4).consume(m -> {}, options));
    }
    Await.until(
        () -> consumers.stream().mapToLong(c -> c.info().numWaiting()).sum() == CONSUMES,
        Duration.ofSeconds(30),
        "every consume has its pull waiting at the server");
    long in = nc.statistics().inMessages();
    Await.until(
        () -> nc.statistics().inMessages() - in >= 2L * CONSUMES,
        Duration.ofSeconds(30),
        "two rounds of idle heartbeats arrived");
    Snapshot after = Snapshot.take();
    report("pull", before, after);
    handles.forEach(ConsumeHandle::stop);
    assertEquals(before.library, after.library, "no nats4j thread per consume");
    assertTrue(after.jvmThreads - before.jvmThreads <= 1, before + " -> " + after);
  }

  @Test
  void thousandIdlePushConsumesAddNoThread() {
    js.streams().create(StreamConfig.builder("IDLEPUSH").subjects("idlepush").build());
    for (int i = 0; i < CONSUMES; i++) { // a stream takes at most 1000 consumers (2.15)
      js.consumers()
          .create(
              "IDLEPUSH",
              ConsumerConfig.builder()
                  .durableName("p" + i)
                  .deliverSubject("idle.deliver." + i)
                  .idleHeartbeat(Duration.ofSeconds(1))
                  .build());
    }
    js.streams().create(StreamConfig.builder("IDLEPUSHW").subjects("idlepushw").build());
    js.consumers()
        .create(
            "IDLEPUSHW",
            ConsumerConfig.builder()
                .durableName("w")
                .deliverSubject("idle.deliver.w")
                .idleHeartbeat(Duration.ofSeconds(1))
                .build());
    warmUp(() -> js.pushConsumer("IDLEPUSHW", "w").consume(m -> {}));
    Snapshot before = Snapshot.take();
    List<ConsumeHandle> handles = new ArrayList<>();
    for (int i = 0; i < CONSUMES; i++) {
      handles.add(js.pushConsumer("IDLEPUSH", "p" + i).consume(m -> {}));
    }
    long in = nc.statistics().inMessages();
    Await.until(
        () -> nc.statistics().inMessages() - in >= 2L * CONSUMES,
        Duration.ofSeconds(30),
        "two rounds of idle heartbeats arrived");
    Snapshot after = Snapshot.take();
    report("push", before, after);
    handles.forEach(ConsumeHandle::stop);
    assertEquals(before.library, after.library, "no nats4j thread per consume");
    assertTrue(after.jvmThreads - before.jvmThreads <= 1, before + " -> " + after);
  }

  /** Starts and stops one consume so lazily started shared threads exist before measuring. */
  private static void warmUp(java.util.function.Supplier<ConsumeHandle> start) {
    ConsumeHandle h = start.get();
    h.stop();
  }

  private static void report(String kind, Snapshot before, Snapshot after) {
    System.out.printf(
        "IdleConsumesIT %s: %d idle consumes: threads %d -> %d (nats4j %d -> %d), heap +%.1f MiB"
            + " (%.0f bytes per consume)%n",
        kind,
        CONSUMES,
        before.jvmThreads,
        after.jvmThreads,
        before.library,
        after.library,
        (after.heap - before.heap) / 1048576.0,
        (after.heap - before.heap) / (double) CONSUMES);
  }

  private record Snapshot(int jvmThreads, int library, long heap) {
    static Snapshot take() {
      Runtime rt = Runtime.getRuntime();
      System.gc();
      System.gc();
      return new Snapshot(
          (int) Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).count(),
          LibraryThreads.alive().size(),
          rt.totalMemory() - rt.freeMemory());
    }
  }
}
