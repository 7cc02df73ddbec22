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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A thousand idle consumes on one connection start no thread and stay small. */
@NatsServerTest
@io.nats4j.testkit.JetStream
class IdleConsumesIT {
  private static final int CONSUMES = 1000;
  private final NatsServer server;

  IdleConsumesIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /**
   * What an idle consume may hold on the heap: its subscription, pull session, timer and listener
   * (about 0.8 KiB pull, 1.1 KiB push measured); a buffer or queue per consume would exceed it.
   */
  private static final long MAX_BYTES_EACH = 4096;

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void thousandIdleConsumesStartNoThreadAndStayCheap() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl());
        JetStream js = JetStream.of(nc)) {
      js.streams()
          .create(
              StreamConfig.builder("IDLE").subjects("idle.>").storage(StorageType.MEMORY).build());
      js.consumers()
          .create(
              "IDLE",
              ConsumerConfig.builder()
                  .durableName("idle")
                  .ackPolicy(AckPolicy.EXPLICIT)
                  .maxWaiting(CONSUMES * 2)
                  .build());
      ConsumerContext c = js.consumer("IDLE", "idle");
      nc.defaultDispatcher(); // the one thread all consumes share, started before measuring
      AtomicInteger received = new AtomicInteger();
      AtomicInteger warnings = new AtomicInteger();
      ConsumeOptions options =
          ConsumeOptions.builder()
              .batchSize(10)
              .errorListener(
                  new ConsumeErrorListener() {
                    @Override
                    public void warning(int code, String description) {
                      warnings.incrementAndGet();
                    }
                  })
              .build();
      int threadsBefore = Thread.activeCount();
      long heapBefore = usedHeap();
      List<ConsumeHandle> handles = new ArrayList<>();
      for (int i = 0; i < CONSUMES; i++) {
        handles.add(
            c.consume(
                m -> {
                  received.incrementAndGet();
                  m.ack();
                },
                options));
      }
      nc.flush(Duration.ofSeconds(10));
      Await.until(
          () -> c.info().numWaiting() == CONSUMES, Duration.ofSeconds(20), "1000 waiting pulls");
      int threadsAfter = Thread.activeCount();
      long heapAfter = usedHeap();
      System.out.printf(
          "%d idle consumes: threads %d -> %d, heap %d KiB -> %d KiB (%d bytes each)%n",
          CONSUMES,
          threadsBefore,
          threadsAfter,
          heapBefore / 1024,
          heapAfter / 1024,
          (heapAfter - heapBefore) / CONSUMES);
      assertTrue(threadsAfter - threadsBefore <= 1, threadsBefore + " -> " + threadsAfter);
      assertHeapEach(heapBefore, heapAfter);
      js.publish("idle.x", new byte[] {1});
      Await.until(() -> received.get() == 1, "one of them gets the message");
      for (ConsumeHandle h : handles) {
        h.stop();
      }
      assertEquals(0, warnings.get());
      js.streams().delete("IDLE");
    }
  }

  @Test
  void thousandIdlePushConsumesStartNoThreadAndStayCheap() {
    try (Connection nc = Nats.connect(server.clientUrl());
        JetStream js = JetStream.of(nc)) {
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
      // one consume started and stopped first, so shared lazily started threads exist
      js.streams().create(StreamConfig.builder("IDLEPUSHW").subjects("idlepushw").build());
      js.consumers()
          .create(
              "IDLEPUSHW",
              ConsumerConfig.builder()
                  .durableName("w")
                  .deliverSubject("idle.deliver.w")
                  .idleHeartbeat(Duration.ofSeconds(1))
                  .build());
      js.pushConsumer("IDLEPUSHW", "w").consume(m -> {}).stop();
      int threadsBefore = Thread.activeCount();
      List<String> libraryBefore = LibraryThreads.alive();
      long heapBefore = usedHeap();
      List<ConsumeHandle> handles = new ArrayList<>();
      for (int i = 0; i < CONSUMES; i++) {
        handles.add(js.pushConsumer("IDLEPUSH", "p" + i).consume(m -> {}));
      }
      long in = nc.statistics().inMessages();
      Await.until(
          () -> nc.statistics().inMessages() - in >= 2L * CONSUMES,
          Duration.ofSeconds(30),
          "two rounds of idle heartbeats arrived (every consume's heartbeat watch runs)");
      int threadsAfter = Thread.activeCount();
      List<String> libraryAfter = LibraryThreads.alive();
      long heapAfter = usedHeap();
      System.out.printf(
          "%d idle push consumes: threads %d -> %d (nats4j %d -> %d), heap %d KiB -> %d KiB (%d"
              + " bytes each)%n",
          CONSUMES,
          threadsBefore,
          threadsAfter,
          libraryBefore.size(),
          libraryAfter.size(),
          heapBefore / 1024,
          heapAfter / 1024,
          (heapAfter - heapBefore) / CONSUMES);
      handles.forEach(ConsumeHandle::stop);
      // the threads of the previous test's connection may still be ending: only none may start
      assertTrue(
          libraryBefore.containsAll(libraryAfter),
          "no nats4j thread per consume: " + libraryBefore + " -> " + libraryAfter);
      assertTrue(threadsAfter - threadsBefore <= 1, threadsBefore + " -> " + threadsAfter);
      assertHeapEach(heapBefore, heapAfter);
      js.streams().delete("IDLEPUSH");
      js.streams().delete("IDLEPUSHW");
    }
  }

  private static void assertHeapEach(long heapBefore, long heapAfter) {
    long each = (heapAfter - heapBefore) / CONSUMES;
    assertTrue(
        each <= MAX_BYTES_EACH,
        "an idle consume holds " + each + " bytes of heap, at most " + MAX_BYTES_EACH);
  }
}
