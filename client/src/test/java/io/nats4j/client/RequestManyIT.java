package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request-many (ADR-47): each end condition, no responders, a reconnect while gathering. */
@NatsServerTest
class RequestManyIT {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final byte[] EMPTY = new byte[0];

  private final NatsServer server;
  private Connection nc;
  private Connection responders;

  RequestManyIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connect() {
    nc = Nats.connect(server.clientUrl());
    responders = Nats.connect(server.clientUrl());
  }

  @AfterEach
  void close() {
    nc.close();
    responders.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  /** Each of {@code count} subscribers on {@code subject} answers with its index. */
  private void answerers(String subject, int count) {
    for (int i = 0; i < count; i++) {
      String answer = "r" + i;
      responders.createDispatcher().subscribe(subject, m -> m.respond(answer));
    }
    responders.flush(WAIT);
  }

  private static List<String> drain(Replies replies) {
    List<String> out = new ArrayList<>();
    for (Message m : replies) {
      out.add(m.dataAsString());
    }
    return out;
  }

  @Test
  void stopsAtMaxMessages() {
    answerers("many.max", 3);
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(WAIT).maxMessages(2).build();
    long start = System.nanoTime();
    try (Replies replies = nc.requestMany("many.max", null, EMPTY, options)) {
      assertEquals(2, drain(replies).size());
      assertEquals(RequestManyEnd.MAX_MESSAGES, replies.end().orElseThrow());
    }
    assertTrue(System.nanoTime() - start < WAIT.toNanos(), "ended by count, not by timeout");
  }

  @Test
  void gathersEveryReplyUntilTheTotalTimeout() {
    answerers("many.total", 3);
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(Duration.ofMillis(700)).build();
    try (Replies replies = nc.requestMany("many.total", null, EMPTY, options)) {
      List<String> got = drain(replies);
      assertEquals(List.of("r0", "r1", "r2"), got.stream().sorted().toList());
      assertEquals(RequestManyEnd.TIMEOUT, replies.end().orElseThrow());
    }
  }

  @Test
  void stopsWhenRepliesStall() {
    answerers("many.stall", 2);
    Duration total = Duration.ofSeconds(30);
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(total).stall(Duration.ofMillis(300)).build();
    long start = System.nanoTime();
    try (Replies replies = nc.requestMany("many.stall", null, EMPTY, options)) {
      assertEquals(2, drain(replies).size());
      assertEquals(RequestManyEnd.STALL, replies.end().orElseThrow());
    }
    assertTrue(System.nanoTime() - start < total.toNanos() / 2, "the stall ended it early");
  }

  @Test
  void stopsAtTheEmptySentinelWithoutDeliveringIt() {
    responders
        .defaultDispatcher()
        .subscribe(
            "many.sentinel",
            m -> {
              responders.publish(m.replyTo(), "a");
              responders.publish(m.replyTo(), "b");
              responders.publish(m.replyTo(), EMPTY);
              responders.publish(m.replyTo(), "after the end");
            });
    responders.flush(WAIT);
    RequestManyOptions options = RequestManyOptions.builder().totalTimeout(WAIT).build();
    try (Replies replies = nc.requestMany("many.sentinel", null, EMPTY, options)) {
      assertEquals(List.of("a", "b"), drain(replies));
      assertEquals(RequestManyEnd.SENTINEL, replies.end().orElseThrow());
    }
  }

  @Test
  void stopsAtACustomSentinel() throws Exception {
    responders
        .defaultDispatcher()
        .subscribe(
            "many.custom",
            m -> {
              for (String s : List.of("1", "2", "done", "3")) {
                responders.publish(m.replyTo(), s);
              }
            });
    responders.flush(WAIT);
    RequestManyOptions options =
        RequestManyOptions.builder()
            .totalTimeout(WAIT)
            .sentinel(m -> m.dataAsString().equals("done"))
            .build();
    List<Message> all =
        nc.requestManyAsync("many.custom", null, EMPTY, options).get(10, TimeUnit.SECONDS);
    assertEquals(List.of("1", "2"), all.stream().map(Message::dataAsString).toList());
  }

  @Test
  void noRespondersEndsAtOnceWithTheTypedError() {
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(Duration.ofSeconds(30)).build();
    long start = System.nanoTime();
    try (Replies replies = nc.requestMany("many.nobody", null, EMPTY, options)) {
      assertThrows(NoRespondersException.class, replies::hasNext);
      assertFalse(replies.hasNext());
    }
    ExecutionException async =
        assertThrows(
            ExecutionException.class,
            () ->
                nc.requestMany("many.nobody", null, EMPTY, options, m -> {})
                    .get(10, TimeUnit.SECONDS));
    assertInstanceOf(NoRespondersException.class, async.getCause());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "not a timeout");
  }

  @Test
  void callbackFormReportsEachReplyAndTheEnd() throws Exception {
    answerers("many.callback", 3);
    List<String> got = new CopyOnWriteArrayList<>();
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(WAIT).maxMessages(3).build();
    RequestManyEnd end =
        nc.requestMany("many.callback", null, EMPTY, options, m -> got.add(m.dataAsString()))
            .get(10, TimeUnit.SECONDS);
    assertEquals(RequestManyEnd.MAX_MESSAGES, end);
    assertEquals(3, got.size());

    RequestManyOptions stalling =
        RequestManyOptions.builder()
            .totalTimeout(Duration.ofSeconds(30))
            .stall(Duration.ofMillis(300))
            .build();
    assertEquals(
        RequestManyEnd.STALL,
        nc.requestMany("many.callback", null, EMPTY, stalling, m -> {}).get(10, TimeUnit.SECONDS));
  }

  @Test
  void aThrowingCallbackEndsGatheringWithItsException() throws Exception {
    answerers("many.throwing", 3);
    RequestManyOptions options = RequestManyOptions.builder().totalTimeout(WAIT).build();
    List<String> got = new CopyOnWriteArrayList<>();
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () ->
                nc.requestMany(
                        "many.throwing",
                        null,
                        EMPTY,
                        options,
                        m -> {
                          got.add(m.dataAsString());
                          throw new IllegalStateException("handler gave up");
                        })
                    .get(10, TimeUnit.SECONDS));
    assertEquals("handler gave up", failed.getCause().getMessage());
    assertEquals(1, got.size(), "no reply after the handler threw");
    nc.flush(WAIT); // the connection is fine
  }

  @Test
  void usesTheSharedReplySubscription() {
    List<String> replySubjects = new CopyOnWriteArrayList<>();
    responders
        .defaultDispatcher()
        .subscribe(
            "many.inbox",
            m -> {
              replySubjects.add(m.replyTo());
              m.respond("x");
            });
    responders.flush(WAIT);
    RequestManyOptions one = RequestManyOptions.builder().totalTimeout(WAIT).maxMessages(1).build();
    for (int i = 0; i < 3; i++) {
      try (Replies replies = nc.requestMany("many.inbox", null, EMPTY, one)) {
        assertEquals(1, drain(replies).size());
      }
    }
    nc.request("many.inbox", EMPTY, WAIT);
    assertEquals(4, replySubjects.size());
    String prefix = replySubjects.get(0).substring(0, replySubjects.get(0).lastIndexOf('.'));
    for (String subject : replySubjects) {
      assertEquals(prefix, subject.substring(0, subject.lastIndexOf('.')), subject);
    }
  }

  @Test
  void keepsGatheringAcrossAReconnect() throws Exception {
    CompletableFuture<String> replyTo = new CompletableFuture<>();
    responders
        .defaultDispatcher()
        .subscribe(
            "many.reconnect",
            m -> {
              m.respond("before");
              replyTo.complete(m.replyTo());
            });
    responders.flush(WAIT);
    CountDownLatch resubscribed = new CountDownLatch(1);
    nc.addConnectionListener(
        e -> {
          if (e instanceof ConnectionEvent.Resubscribed) {
            resubscribed.countDown();
          }
        });
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(Duration.ofSeconds(30)).maxMessages(2).build();
    try (Replies replies = nc.requestMany("many.reconnect", null, EMPTY, options)) {
      assertEquals("before", replies.next().dataAsString());
      nc.forceReconnect();
      assertTrue(resubscribed.await(20, TimeUnit.SECONDS), "reconnected");
      nc.flush(WAIT); // the reply subscription is back on the server
      responders.publish(replyTo.get(5, TimeUnit.SECONDS), "after");
      assertTrue(replies.hasNext());
      assertEquals("after", replies.next().dataAsString());
      assertFalse(replies.hasNext());
      assertEquals(RequestManyEnd.MAX_MESSAGES, replies.end().orElseThrow());
    }
  }

  @Test
  void failsWithDisconnectedWhenTheOptionsFailPendingRequests() throws Exception {
    answerers("many.fail", 1);
    try (Connection failing =
        Nats.connect(
            Options.builder()
                .server(server.clientUrl())
                .reconnect(ReconnectOptions.builder().failPendingRequestsOnDisconnect().build())
                .build())) {
      RequestManyOptions options =
          RequestManyOptions.builder().totalTimeout(Duration.ofSeconds(30)).build();
      try (Replies replies = failing.requestMany("many.fail", null, EMPTY, options)) {
        assertTrue(replies.hasNext());
        replies.next();
        failing.forceReconnect();
        assertThrows(DisconnectedException.class, replies::hasNext);
      }
      CompletableFuture<RequestManyEnd> async =
          failing.requestMany("many.fail", null, EMPTY, options, m -> {});
      Await.until(() -> failing.status() == ConnectionStatus.CONNECTED, "reconnected");
      failing.forceReconnect();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> async.get(20, TimeUnit.SECONDS));
      assertInstanceOf(DisconnectedException.class, e.getCause());
    }
  }

  @Test
  void closingTheRepliesCancelsAndWakesTheConsumer() throws Exception {
    answerers("many.cancel", 1);
    RequestManyOptions options =
        RequestManyOptions.builder().totalTimeout(Duration.ofSeconds(30)).build();
    Replies replies = nc.requestMany("many.cancel", null, EMPTY, options);
    assertTrue(replies.hasNext());
    replies.next();
    CompletableFuture<Boolean> more = CompletableFuture.supplyAsync(replies::hasNext);
    replies.close();
    assertFalse(more.get(10, TimeUnit.SECONDS));
    assertEquals(RequestManyEnd.CANCELLED, replies.end().orElseThrow());
  }
}
