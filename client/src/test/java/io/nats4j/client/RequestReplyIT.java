package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
class RequestReplyIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final NatsServer server;
  private Connection nc;

  RequestReplyIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
  }

  @AfterEach
  void close() {
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void syncRequestGetsTheReply() {
    nc.defaultDispatcher().subscribe("echo", m -> m.respond("echo:" + m.dataAsString()));
    nc.flush(WAIT);
    for (int i = 0; i < 50; i++) {
      Message reply = nc.request("echo", bytes("hi" + i), WAIT);
      assertEquals("echo:hi" + i, reply.dataAsString());
    }
  }

  @Test
  void asyncRequestsCompleteConcurrently() throws Exception {
    try (Connection responder = Nats.connect(server.clientUrl())) {
      responder.defaultDispatcher().subscribe("double", m -> m.respond(m.dataAsString() + "x2"));
      responder.flush(WAIT);
      List<CompletableFuture<Message>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        futures.add(nc.requestAsync("double", bytes(Integer.toString(i)), WAIT));
      }
      for (int i = 0; i < 200; i++) {
        assertEquals(i + "x2", futures.get(i).get(5, TimeUnit.SECONDS).dataAsString());
      }
    }
  }

  @Test
  void asyncFutureCompletesOnTheEventsThreadNotTheReader() throws Exception {
    CountDownLatch stageAttached = new CountDownLatch(1);
    nc.defaultDispatcher()
        .subscribe(
            "who",
            m -> {
              try {
                // reply only once the stage below is attached, so it runs where the future is
                // completed, not on the test thread that attaches it to a completed future
                stageAttached.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              m.respond("me");
            });
    nc.flush(WAIT);
    CompletableFuture<Message> reply = nc.requestAsync("who", new byte[0], WAIT);
    CompletableFuture<String> thread = reply.thenApply(m -> Thread.currentThread().getName());
    assertFalse(reply.isDone(), "the reply cannot have come yet");
    stageAttached.countDown();
    String name = thread.get(5, TimeUnit.SECONDS);
    assertTrue(name.startsWith("nats4j-events-"), name);
  }

  @Test
  void noRespondersFailsAtOnce() {
    long start = System.nanoTime();
    NoRespondersException e =
        assertThrows(
            NoRespondersException.class,
            () -> nc.request("nobody.home", new byte[0], Duration.ofSeconds(10)));
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    assertTrue(e.getMessage().contains("nobody.home"), e.getMessage());
  }

  @Test
  void noRespondersFailsTheAsyncFuture() {
    CompletableFuture<Message> f = nc.requestAsync("nobody.async", new byte[0], WAIT);
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertInstanceOf(NoRespondersException.class, e.getCause());
  }

  @Test
  void timeoutThrowsAndNeverReturnsNull() {
    // a subscriber that never answers: the server has a responder, so no 503
    nc.subscribe("silent");
    nc.flush(WAIT);
    NatsTimeoutException e =
        assertThrows(
            NatsTimeoutException.class,
            () -> nc.request("silent", new byte[0], Duration.ofMillis(200)));
    assertTrue(e.getMessage().contains("silent"));
    CompletableFuture<Message> f = nc.requestAsync("silent", new byte[0], Duration.ofMillis(200));
    ExecutionException async =
        assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertInstanceOf(NatsTimeoutException.class, async.getCause());
  }

  @Test
  void requestsCarryHeadersBothWays() {
    nc.defaultDispatcher()
        .subscribe(
            "hdr",
            m ->
                m.respond(
                    new Headers().add("Answer-To", m.headers().first("Question")), bytes("ok")));
    nc.flush(WAIT);
    Message reply = nc.request("hdr", new Headers().add("Question", "q1"), bytes("?"), WAIT);
    assertEquals("q1", reply.headers().first("Answer-To"));
    assertEquals("ok", reply.dataAsString());
  }

  @Test
  void syncSubscriptionCanRespond() throws Exception {
    Subscription sub = nc.subscribe("svc");
    nc.flush(WAIT);
    CompletableFuture<Message> reply = nc.requestAsync("svc", bytes("ping"), WAIT);
    Message request = sub.next(WAIT);
    assertTrue(request.replyTo().startsWith("_INBOX."), request.replyTo());
    request.respond("pong");
    assertEquals("pong", reply.get(5, TimeUnit.SECONDS).dataAsString());
  }

  @Test
  void respondWithoutReplySubjectIsRejected() {
    Subscription sub = nc.subscribe("plain");
    nc.flush(WAIT);
    nc.publish("plain", "x");
    Message m = sub.next(WAIT);
    assertThrows(IllegalStateException.class, () -> m.respond("no"));
  }

  @Test
  void closingFailsPendingRequests() throws Exception {
    nc.subscribe("never");
    nc.flush(WAIT);
    CompletableFuture<Message> f = nc.requestAsync("never", new byte[0], Duration.ofSeconds(30));
    nc.close();
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    assertInstanceOf(ConnectionClosedException.class, e.getCause());
  }

  @Test
  void inboxesAreUniqueUnderThePrefix() {
    String a = nc.createInbox();
    String b = nc.createInbox();
    assertTrue(a.startsWith("_INBOX."));
    assertTrue(!a.equals(b));
    try (Connection custom =
        Nats.connect(Options.builder().server(server.clientUrl()).inboxPrefix("_MY").build())) {
      assertTrue(custom.createInbox().startsWith("_MY."));
      custom.defaultDispatcher().subscribe("custom.echo", m -> m.respond(m.replyTo()));
      custom.flush(WAIT);
      assertTrue(
          custom.request("custom.echo", new byte[0], WAIT).dataAsString().startsWith("_MY."));
    }
  }

  /**
   * Sync requests are written by their callers when the writer is idle: from several threads at
   * once, each request still goes out after the publishes its thread made before it (the responder
   * counts them), and no two writes interleave on the socket (a mangled op would end the session).
   */
  @Test
  void requestsFromManyThreadsGoOutAfterTheirThreadsEarlierPublishes() throws Exception {
    int threads = 6;
    int rounds = 300;
    try (Connection responder = Nats.connect(server.clientUrl())) {
      java.util.Map<String, Integer> seen = new java.util.HashMap<>(); // one handler at a time
      responder
          .defaultDispatcher()
          .subscribe(
              "order.>",
              m -> {
                String[] t = m.subject().split("\\.");
                if (t[1].equals("pub")) {
                  seen.merge(t[2], 1, Integer::sum);
                } else {
                  m.respond(Integer.toString(seen.getOrDefault(t[2], 0)));
                }
              });
      responder.flush(WAIT);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = "t" + t;
        CompletableFuture<Void> f = new CompletableFuture<>();
        done.add(f);
        Thread thread =
            new Thread(
                () -> {
                  try {
                    int published = 0;
                    for (int i = 0; i < rounds; i++) {
                      for (int k = 0; k < i % 3; k++) {
                        nc.publish("order.pub." + id, bytes("p"));
                        published++;
                      }
                      Message reply = nc.request("order.req." + id, bytes("q"), WAIT);
                      assertEquals(Integer.toString(published), reply.dataAsString(), id + " " + i);
                    }
                    f.complete(null);
                  } catch (Throwable e) {
                    f.completeExceptionally(e);
                  }
                },
                "requester-" + t);
        thread.start();
      }
      for (CompletableFuture<Void> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertEquals(ConnectionStatus.CONNECTED, nc.status());
    }
  }

  @Test
  void virtualThreadsWriteTheirRequestsThemselvesOnJava21() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Runtime.version().feature() >= 21, "virtual threads need Java 21+");
    Options options =
        Options.builder()
            .server(server.clientUrl())
            .threads(ThreadOptions.builder().virtualThreads(true).build())
            .build();
    try (Connection vnc = Nats.connect(options);
        Connection responder = Nats.connect(options)) {
      responder.defaultDispatcher().subscribe("vt.echo", m -> m.respond(m.data()));
      responder.flush(WAIT);
      java.util.concurrent.ExecutorService virtual =
          (java.util.concurrent.ExecutorService)
              java.util.concurrent.Executors.class
                  .getMethod("newVirtualThreadPerTaskExecutor")
                  .invoke(null);
      try {
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 200; t++) {
          int id = t;
          all.add(
              virtual.submit(
                  () -> {
                    for (int i = 0; i < 20; i++) {
                      String text = id + "-" + i;
                      assertEquals(text, vnc.request("vt.echo", bytes(text), WAIT).dataAsString());
                    }
                    return null;
                  }));
        }
        for (java.util.concurrent.Future<?> f : all) {
          f.get(60, TimeUnit.SECONDS);
        }
      } finally {
        virtual.shutdown();
      }
    }
  }
}
