package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Where the library's work runs (docs/THREADING.md): user stages of timed-out futures on the event
 * thread, never on a JDK shared pool or the timer thread; every thread from the connection's
 * factory; virtual threads on Java 21+.
 */
@NatsServerTest
class ThreadingIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final NatsServer server;

  ThreadingIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** The thread a stage of {@code future} runs on when the future completes exceptionally. */
  private static String threadOfFailure(CompletableFuture<?> future) throws Exception {
    CompletableFuture<String> name = new CompletableFuture<>();
    future.whenComplete((ok, error) -> name.complete(Thread.currentThread().getName()));
    return name.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void aSubscriptionDrainTimeoutCompletesOnTheEventThread() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      CountDownLatch release = new CountDownLatch(1);
      Subscription sub =
          nc.defaultDispatcher()
              .subscribe(
                  "drain.slow",
                  m -> {
                    try {
                      release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      nc.publish("drain.slow", new byte[1]);
      nc.flush(WAIT);
      CompletableFuture<Void> drained = sub.drain(Duration.ofMillis(100));
      String thread = threadOfFailure(drained);
      release.countDown();
      assertTrue(thread.startsWith("nats4j-events-"), "completed on " + thread);
      ExecutionException e = assertThrows(ExecutionException.class, drained::get);
      assertTrue(e.getCause() instanceof NatsTimeoutException, e.toString());
    }
  }

  @Test
  void aConnectionDrainTimeoutCompletesOnTheEventThread() throws Exception {
    Connection nc = Nats.connect(server.clientUrl());
    CountDownLatch release = new CountDownLatch(1);
    try {
      nc.defaultDispatcher()
          .subscribe(
              "conn.drain.slow",
              m -> {
                try {
                  release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      nc.publish("conn.drain.slow", new byte[1]);
      nc.flush(WAIT);
      CompletableFuture<Void> drained = nc.drain(Duration.ofMillis(100));
      String thread = threadOfFailure(drained);
      assertTrue(thread.startsWith("nats4j-events-"), "completed on " + thread);
    } finally {
      release.countDown();
      nc.close();
    }
  }

  @Test
  void anAsyncRequestTimeoutCompletesOnTheEventThread() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      nc.subscribe("nobody.answers");
      nc.flush(WAIT);
      String thread =
          threadOfFailure(nc.requestAsync("nobody.answers", new byte[0], Duration.ofMillis(100)));
      assertTrue(thread.startsWith("nats4j-events-"), "completed on " + thread);
    }
  }

  @Test
  void everyThreadComesFromTheFactoryAndIsNamedByTheLibrary() throws Exception {
    Set<String> made = ConcurrentHashMap.newKeySet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        task -> {
          Thread t = new Thread(task);
          t.setDaemon(true);
          count.incrementAndGet();
          return t;
        };
    Options options =
        Options.builder()
            .server(server.clientUrl())
            .threads(ThreadOptions.builder().threadFactory(factory).build())
            .build();
    try (Connection nc = Nats.connect(options)) {
      CompletableFuture<String> handlerThread = new CompletableFuture<>();
      nc.createDispatcher("d")
          .subscribe("factory.test", m -> handlerThread.complete(Thread.currentThread().getName()));
      nc.publish("factory.test", new byte[1]);
      assertEquals("nats4j-dispatcher-", handlerThread.get(10, TimeUnit.SECONDS).substring(0, 18));
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("nats4j-")) {
          made.add(t.getName().replaceAll("-\\d+.*", ""));
        }
      }
      // reader, writer, timer (its own: every thread from the factory), events, dispatcher
      assertTrue(
          made.containsAll(
              List.of(
                  "nats4j-reader",
                  "nats4j-writer",
                  "nats4j-timer",
                  "nats4j-events",
                  "nats4j-dispatcher")),
          made.toString());
      assertTrue(count.get() >= 5, "threads from the factory: " + count.get());
    }
  }

  @Test
  void virtualThreadsRunTheConnectionOnJava21() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+ (this run: 17)");
    Options options =
        Options.builder()
            .server(server.clientUrl())
            .threads(ThreadOptions.builder().virtualThreads(true).build())
            .build();
    try (Connection nc = Nats.connect(options)) {
      CompletableFuture<Boolean> virtual = new CompletableFuture<>();
      nc.defaultDispatcher()
          .subscribe(
              "virtual.test",
              m -> {
                try {
                  virtual.complete(
                      (Boolean) Thread.class.getMethod("isVirtual").invoke(Thread.currentThread()));
                } catch (ReflectiveOperationException e) {
                  virtual.completeExceptionally(e);
                }
              });
      nc.publish("virtual.test", new byte[1]);
      assertTrue(virtual.get(10, TimeUnit.SECONDS), "the handler ran on a virtual thread");
      Message reply = null;
      nc.defaultDispatcher().subscribe("virtual.echo", m -> nc.publish(m.replyTo(), m.data()));
      nc.flush(WAIT);
      reply = nc.request("virtual.echo", "hi".getBytes(), WAIT);
      assertEquals("hi", reply.dataAsString());
      // no platform thread of the library: the leak check sees platform threads only
      Await.until(() -> LibraryThreads.alive().isEmpty(), WAIT, "no nats4j platform thread");
    }
  }

  @Test
  void virtualThreadsOnJava17FailAtBuild() {
    assumeTrue(Runtime.version().feature() < 21, "only before Java 21");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ThreadOptions.builder().virtualThreads(true).build());
    assertTrue(e.getMessage().contains("Java 21"), e.getMessage());
  }

  @Test
  void dispatchersOfManyConnectionsShareOneExecutorInOrderAndWithoutThreadsOfTheirOwn()
      throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "shared-handlers");
              t.setDaemon(true);
              return t;
            });
    int connections = 10;
    int perConnection = 2_000;
    List<Connection> all = new ArrayList<>();
    try {
      Options options =
          Options.builder()
              .server(server.clientUrl())
              .threads(ThreadOptions.builder().dispatcherExecutor(pool).build())
              .build();
      List<List<Integer>> received = new ArrayList<>();
      Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
      CountDownLatch done = new CountDownLatch(connections);
      for (int c = 0; c < connections; c++) {
        Connection nc = Nats.connect(options);
        all.add(nc);
        List<Integer> got = new ArrayList<>(); // one handler at a time: no lock needed
        received.add(got);
        nc.createDispatcher("d")
            .subscribe(
                "shared." + c,
                m -> {
                  handlerThreads.add(Thread.currentThread().getName());
                  got.add(Integer.parseInt(m.dataAsString()));
                  if (got.size() == perConnection) {
                    done.countDown();
                  }
                });
        nc.flush(WAIT);
      }
      assertTrue(
          LibraryThreads.alive().stream().noneMatch(n -> n.startsWith("nats4j-dispatcher-")),
          "no dispatcher thread: " + LibraryThreads.alive());
      try (Connection publisher = Nats.connect(server.clientUrl())) {
        for (int i = 0; i < perConnection; i++) {
          for (int c = 0; c < connections; c++) {
            publisher.publish("shared." + c, Integer.toString(i).getBytes());
          }
        }
        publisher.flush(WAIT);
      }
      assertTrue(done.await(30, TimeUnit.SECONDS), "every handler got every message");
      assertEquals(Set.of("shared-handlers"), handlerThreads);
      for (List<Integer> got : received) {
        synchronized (got) {
          for (int i = 0; i < perConnection; i++) {
            assertEquals(i, got.get(i), "in order");
          }
        }
      }
      // draining a dispatcher completes once its last task has ended
      all.get(0).createDispatcher("drained").subscribe("shared.drain", m -> {});
      assertEquals(
          null,
          all.get(0).createDispatcher("x").drain(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } finally {
      all.forEach(Connection::close);
      pool.shutdown();
    }
  }
}
