package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.internal.connection.NatsConnection;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What an idle connection costs in threads (docs/THREADING.md): its reader and writer only, the
 * timers of every connection on the one library-wide {@code nats4j-timer} thread, dispatchers and
 * the events thread gone after 10 s without work and back with the next message, in order.
 */
@NatsServerTest
class IdleThreadsIT {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TIMER = "nats4j-timer";

  private final NatsServer server;

  IdleThreadsIT(NatsServer server) {
    this.server = server;
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static List<String> connectionThreads() {
    return LibraryThreads.alive().stream().filter(n -> !n.equals(TIMER)).sorted().toList();
  }

  private static long timers() {
    return LibraryThreads.alive().stream().filter(n -> n.equals(TIMER)).count();
  }

  @Test
  void idleConnectionsHoldOnlyTheirReaderAndWriterAndDispatchersComeBackInOrder() throws Exception {
    Await.until(() -> connectionThreads().isEmpty(), WAIT, "no connection of another test");
    int connections = 4;
    int messages = 500;
    List<Connection> all = new ArrayList<>();
    List<List<Integer>> received = new ArrayList<>();
    Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
    CountDownLatch first = new CountDownLatch(2 * connections);
    CountDownLatch rest = new CountDownLatch(2 * connections);
    try {
      for (int c = 0; c < connections; c++) {
        Connection nc = Nats.connect(server.clientUrl());
        all.add(nc);
        for (Dispatcher d : List.of(nc.defaultDispatcher(), nc.createDispatcher("own"))) {
          List<Integer> got = new ArrayList<>(); // one handler at a time per dispatcher
          received.add(got);
          d.subscribe(
              "idle." + c + "." + d.name(),
              m -> {
                handlerThreads.add(Thread.currentThread().getName());
                got.add(Integer.parseInt(m.dataAsString()));
                if (got.size() == 1) {
                  first.countDown();
                } else if (got.size() == messages + 1) {
                  rest.countDown();
                }
              });
          nc.publish("idle." + c + "." + d.name(), "0".getBytes(StandardCharsets.UTF_8));
        }
        nc.flush(WAIT);
      }
      assertTrue(first.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "every handler ran once");
      assertEquals(1, timers(), "one timer thread for every connection: " + LibraryThreads.alive());

      // idle: dispatchers and events threads end after 10 s without work
      Await.until(
          () -> connectionThreads().size() == 2 * connections,
          Duration.ofSeconds(40),
          "reader and writer only: " + connectionThreads());
      assertEquals(
          Set.of("nats4j-reader", "nats4j-writer"),
          connectionThreads().stream()
              .map(n -> n.replaceAll("-\\d+$", ""))
              .collect(Collectors.toSet()),
          connectionThreads().toString());
      assertEquals(1, timers(), "the keep-alive timers wait on the one timer thread");

      // the next messages start the dispatchers again; they see every message, in order
      try (Connection publisher = Nats.connect(server.clientUrl())) {
        for (int i = 1; i <= messages; i++) {
          for (int c = 0; c < connections; c++) {
            for (String d : List.of("default", "own")) {
              publisher.publish("idle." + c + "." + d, Integer.toString(i).getBytes());
            }
          }
        }
        publisher.flush(WAIT);
      }
      assertTrue(rest.await(30, TimeUnit.SECONDS), "every handler got every message");
      for (List<Integer> got : received) {
        synchronized (got) {
          for (int i = 0; i <= messages; i++) {
            assertEquals(i, got.get(i), "in order");
          }
        }
      }
      assertTrue(
          handlerThreads.stream().allMatch(n -> n.startsWith("nats4j-dispatcher-")),
          handlerThreads.toString());
      // a restarted dispatcher drains as before: its future completes once its thread ended
      Dispatcher own = all.get(0).createDispatcher("drained");
      own.subscribe("idle.drained", m -> {});
      assertEquals(null, own.drain(WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    } finally {
      all.forEach(Connection::close);
    }
    Await.until(
        () -> LibraryThreads.alive().isEmpty(),
        WAIT,
        "closing leaves no thread, and the timer thread ends with no timer left: "
            + LibraryThreads.alive());
  }

  @Test
  void closingDropsEveryPendingTimerOfTheConnection() throws Exception {
    NatsConnection nc = (NatsConnection) Nats.connect(server.clientUrl());
    int keepAlive = nc.scheduler().pending();
    // timers that would wait an hour: a request nobody answers, a gather with a total timeout
    nc.subscribe("timers.silent");
    nc.flush(WAIT);
    CompletableFuture<Message> request =
        nc.requestAsync("timers.silent", new byte[1], Duration.ofHours(1));
    CompletableFuture<RequestManyEnd> gather =
        nc.requestMany(
            "timers.silent",
            null,
            new byte[1],
            RequestManyOptions.builder().totalTimeout(Duration.ofHours(1)).build(),
            m -> {});
    assertEquals(keepAlive + 2, nc.scheduler().pending(), "two more timers wait");
    nc.close();
    assertEquals(0, nc.scheduler().pending(), "closing dropped them all");
    assertTrue(request.isCompletedExceptionally() || waitForFailure(request));
    assertTrue(gather.isDone() || waitForFailure(gather));
    Await.until(
        () -> LibraryThreads.alive().isEmpty(),
        WAIT,
        "no thread left; the timer thread ended as no timer waits: " + LibraryThreads.alive());
  }

  private static boolean waitForFailure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException expected) {
      return true;
    }
    return f.isDone();
  }

  @Test
  void timersHandUserCodeToTheEventsThreadAndNeverRunItThemselves() throws Exception {
    try (Connection nc = Nats.connect(server.clientUrl())) {
      nc.subscribe("timers.user");
      nc.flush(WAIT);
      java.util.Queue<String> userThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();
      CompletableFuture<?> timedOut =
          nc.requestAsync("timers.user", new byte[1], Duration.ofMillis(50))
              .handle((m, e) -> userThreads.add(Thread.currentThread().getName()));
      CompletableFuture<?> stalled =
          nc.requestMany(
                  "timers.user",
                  null,
                  new byte[1],
                  RequestManyOptions.builder()
                      .totalTimeout(Duration.ofSeconds(5))
                      .stall(Duration.ofMillis(50))
                      .build(),
                  m -> {})
              .handle((end, e) -> userThreads.add(Thread.currentThread().getName()));
      CountDownLatch releaseSlow = new CountDownLatch(1);
      Subscription slow =
          nc.defaultDispatcher()
              .subscribe(
                  "timers.slow",
                  m -> {
                    try {
                      // a handler held until the drain has timed out
                      releaseSlow.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      nc.publish("timers.slow", new byte[1]);
      nc.flush(WAIT);
      CompletableFuture<?> drain =
          slow.drain(Duration.ofMillis(50))
              .handle((ok, e) -> userThreads.add(Thread.currentThread().getName()));
      try {
        CompletableFuture.allOf(timedOut, stalled, drain)
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } finally {
        releaseSlow.countDown();
      }
      assertEquals(3, userThreads.size(), userThreads.toString());
      assertTrue(
          userThreads.stream().allMatch(n -> n.startsWith("nats4j-events-")),
          "user stages of timed-out futures ran on " + userThreads);
    }
  }
}
