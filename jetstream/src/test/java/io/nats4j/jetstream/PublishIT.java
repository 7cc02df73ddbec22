package io.nats4j.jetstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Nats;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.jetstream.JetStreamOptions.WindowFullPolicy;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.LibraryThreads;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.NatsServerTest;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsServerTest
@io.nats4j.testkit.JetStream
class PublishIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static int counter;

  private final NatsServer server;
  private Connection nc;
  private JetStream js;
  private String stream;
  private String subject;

  PublishIT(NatsServer server) {
    this.server = server;
  }

  @BeforeEach
  void connectAndCreateStream() {
    nc = Nats.connect(server.clientUrl());
    js = JetStream.of(nc);
    stream = "PUB" + (++counter);
    subject = stream.toLowerCase() + ".a";
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(stream.toLowerCase() + ".>")
                .storage(StorageType.MEMORY)
                .duplicateWindow(Duration.ofMinutes(1))
                .allowMsgTtl(js.apiLevel() >= 1) // per-message TTL exists from 2.11
                .build());
  }

  @AfterEach
  void deleteStreamAndDisconnect() {
    js.streams().delete(stream);
    js.close();
    nc.close();
  }

  @AfterAll
  static void noLibraryThreadLeaked() {
    LibraryThreads.assertNoneLeaked();
  }

  @Test
  void syncPublishReturnsTheAck() {
    PubAck first = js.publish(subject, "one".getBytes(UTF_8));
    PubAck second = js.publish(subject, "two".getBytes(UTF_8));
    assertEquals(stream, first.stream());
    assertEquals(1, first.seq());
    assertEquals(2, second.seq());
    assertFalse(first.duplicate());
    assertNull(first.domain());
  }

  @Test
  void userHeadersAreKeptAndMergedWithOptions() {
    Headers headers = new Headers().add("Trace", "t1");
    js.publish(
        subject, headers, "x".getBytes(UTF_8), PublishOptions.builder().messageId("h-1").build());
    StoredMessage m = js.streams().getMessage(stream, 1);
    assertEquals("t1", m.headers().first("Trace"));
    assertEquals("h-1", m.headers().first("Nats-Msg-Id"));
    assertEquals(1, headers.size(), "the caller's headers are not modified");
  }

  @Test
  void duplicateMessageIdWithinTheWindowIsNotStoredTwice() {
    PublishOptions id = PublishOptions.builder().messageId("order-1").build();
    PubAck first = js.publish(subject, "a".getBytes(UTF_8), id);
    PubAck again = js.publish(subject, "a".getBytes(UTF_8), id);
    PubAck asyncAgain = js.publishAsync(subject, "a".getBytes(UTF_8), id).join();
    assertFalse(first.duplicate());
    assertTrue(again.duplicate());
    assertTrue(asyncAgain.duplicate());
    assertEquals(first.seq(), again.seq());
    assertEquals(first.seq(), asyncAgain.seq());
    assertEquals(1, js.streams().info(stream).state().messages());
  }

  @Test
  void eachExpectationRejectsAWrongValueWithItsErrCode() {
    js.publish(subject, new byte[] {1}, PublishOptions.builder().messageId("m1").build());
    String other = stream.toLowerCase() + ".b";
    js.publish(other, new byte[] {2}, PublishOptions.builder().messageId("m2").build());

    assertRefused(
        JetStreamApiException.STREAM_EXPECTED_MISMATCH,
        PublishOptions.builder().expectedStream("NOT_" + stream).build());
    assertRefused(
        JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
        PublishOptions.builder().expectedLastSequence(1).build());
    assertRefused(
        JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
        PublishOptions.builder().expectedLastSubjectSequence(2).build());
    // Nats-Expected-Last-Subject-Sequence-Subject: servers before 2.11 ignore it.
    boolean subjectFilter = js.apiLevel() >= 1;
    if (subjectFilter) {
      assertRefused(
          JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE,
          PublishOptions.builder().expectedLastSubjectSequence(1, other).build());
    }
    assertRefused(
        JetStreamApiException.STREAM_WRONG_LAST_MSG_ID,
        PublishOptions.builder().expectedLastMessageId("m1").build());
    assertEquals(2, js.streams().info(stream).state().messages(), "nothing refused was stored");

    PublishOptions allRight =
        PublishOptions.builder()
            .expectedStream(stream)
            .expectedLastSequence(2)
            .expectedLastSubjectSequence(1)
            .expectedLastMessageId("m2")
            .build();
    assertEquals(3, js.publish(subject, new byte[] {3}, allRight).seq());
    if (subjectFilter) {
      assertEquals(
          4,
          js.publish(
                  subject,
                  new byte[] {4},
                  PublishOptions.builder().expectedLastSubjectSequence(2, other).build())
              .seq());
    }
  }

  private void assertRefused(int errCode, PublishOptions options) {
    JetStreamApiException sync =
        assertThrows(
            JetStreamApiException.class, () -> js.publish(subject, new byte[] {9}, options));
    assertEquals(errCode, sync.errorCode(), sync.getMessage());
    CompletionException async =
        assertThrows(
            CompletionException.class,
            () -> js.publishAsync(subject, new byte[] {9}, options).join());
    JetStreamApiException cause = assertInstanceOf(JetStreamApiException.class, async.getCause());
    assertEquals(errCode, cause.errorCode());
  }

  @Test
  @RequiresServerVersion("2.11.0") // per-message TTL: API level 1
  void perMessageTtlIsSentAsNatsTtl() {
    js.publish(
        subject, new byte[] {1}, PublishOptions.builder().ttl(Duration.ofMinutes(5)).build());
    js.publish(subject, new byte[] {2}, PublishOptions.builder().ttlNever().build());
    assertEquals("300s", js.streams().getMessage(stream, 1).headers().first("Nats-TTL"));
    assertEquals("never", js.streams().getMessage(stream, 2).headers().first("Nats-TTL"));

    String plain = stream + "X";
    js.streams().create(StreamConfig.builder(plain).subjects(plain.toLowerCase()).build());
    try {
      JetStreamApiException e =
          assertThrows(
              JetStreamApiException.class,
              () ->
                  js.publish(
                      plain.toLowerCase(),
                      new byte[] {1},
                      PublishOptions.builder().ttl(Duration.ofSeconds(5)).build()));
      assertEquals(JetStreamApiException.MESSAGE_TTL_DISABLED, e.errorCode());
    } finally {
      js.streams().delete(plain);
    }
  }

  @Test
  @RequiresServerVersion("2.11.0") // per-message TTL: API level 1
  void fieldsAndHeadersAboveTheServersApiLevelAreRefusedClientSide() {
    try (JetStream level1 =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(1).build())) {
      ApiLevelException counter =
          assertThrows(
              ApiLevelException.class,
              () ->
                  level1
                      .streams()
                      .create(
                          StreamConfig.builder("COUNTER" + stream)
                              .subjects("counter." + stream)
                              .allowMsgCounter(true)
                              .build()));
      assertEquals("allow_msg_counter", counter.feature());
      assertTrue(counter.getMessage().contains("nats-server 2.12.0"), counter.getMessage());
      assertFalse(js.streams().names().contains("COUNTER" + stream), "nothing was sent");
      assertEquals(
          stream,
          level1
              .publish(
                  subject, new byte[0], PublishOptions.builder().ttl(Duration.ofSeconds(2)).build())
              .stream(),
          "Nats-TTL needs level 1, which this context has");
    }
    try (JetStream level0 =
        JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(0).build())) {
      ApiLevelException ttl =
          assertThrows(
              ApiLevelException.class,
              () ->
                  level0.publishAsync(
                      subject,
                      new byte[0],
                      PublishOptions.builder().ttl(Duration.ofSeconds(2)).build()));
      assertEquals("Nats-TTL header", ttl.feature());
      assertTrue(ttl.getMessage().contains("nats-server 2.11.0"), ttl.getMessage());
    }
  }

  @Test
  void publishToASubjectNoStreamCapturesFailsWithNoResponders() {
    JetStream noRetry =
        JetStream.of(nc, JetStreamOptions.builder().publishRetry(1, Duration.ofMillis(10)).build());
    try {
      assertThrows(
          NoRespondersException.class, () -> noRetry.publish("no.stream.here", new byte[0]));
      CompletionException e =
          assertThrows(
              CompletionException.class,
              () -> noRetry.publishAsync("no.stream.here", new byte[0]).join());
      assertInstanceOf(NoRespondersException.class, e.getCause());
      assertEquals(0, noRetry.outstandingAcks());
    } finally {
      noRetry.close();
    }
  }

  @Test
  void syncPublishRetriesNoRespondersUntilTheStreamExists() throws Exception {
    String late = stream + "LATE";
    assertTrue(js.streams().findBySubject("late.subject").isEmpty(), "no stream yet");
    ExecutorService publisher = Executors.newSingleThreadExecutor();
    try (Connection pubConn = Nats.connect(server.clientUrl());
        JetStream patient =
            JetStream.of(
                pubConn,
                JetStreamOptions.builder().publishRetry(10, Duration.ofMillis(50)).build())) {
      long cid = pubConn.serverInfo().clientId();
      assertEquals(0, inMsgs(cid));
      Future<PubAck> ack = publisher.submit(() -> patient.publish("late.subject", new byte[] {1}));
      // The first attempt reached the server while no stream captured the subject: a 503.
      Await.until(() -> inMsgs(cid) >= 1, "the first publish attempt reached the server");
      js.streams().create(StreamConfig.builder(late).subjects("late.subject").build());
      assertEquals(late, ack.get(30, TimeUnit.SECONDS).stream());
      assertTrue(inMsgs(cid) >= 2, "the publish was sent again after the 503");
      assertEquals(1, js.streams().info(late).state().messages(), "stored once");
    } finally {
      publisher.shutdownNow();
      js.streams().delete(late);
    }
  }

  /** Messages the server received from one client connection ({@code /connz}). */
  private long inMsgs(long cid) {
    JsonNode connz =
        JsonMapper.readTree(server.monitor("/connz?cid=" + cid).getBytes(UTF_8)).get("connections");
    return connz.size() == 0 ? -1 : connz.get(0).get("in_msgs").asLong();
  }

  @Test
  void publishesAMessageWithItsHeadersSyncAndAsync() {
    Message m =
        Message.builder(subject)
            .headers(new Headers().add("Trace", "t-1"))
            .data("order 1")
            .replyTo("ignored.reply")
            .build();
    PubAck first = js.publish(m, PublishOptions.builder().messageId("m-1").build());
    assertEquals(1, first.seq());
    assertTrue(js.publish(m, PublishOptions.builder().messageId("m-1").build()).duplicate());
    assertEquals(2, js.publishAsync(m).join().seq());
    assertEquals(3, js.publish(Message.builder(subject).data("plain").build()).seq());
    assertEquals(
        4,
        js.publishAsync(m, PublishOptions.builder().expectedLastSequence(3).build()).join().seq());

    StoredMessage stored = js.streams().getMessage(stream, 1);
    assertEquals("t-1", stored.headers().first("Trace"));
    assertEquals("m-1", stored.headers().first("Nats-Msg-Id"));
    assertEquals("order 1", new String(stored.data(), UTF_8));
    assertNull(m.headers().first("Nats-Msg-Id"), "the caller's headers are not modified");
    assertEquals("plain", new String(js.streams().getMessage(stream, 3).data(), UTF_8));
  }

  @Test
  void aStatusReplyToAPublishIsReportedWithItsStatus() {
    // A subject answered with a status instead of a pub ack: Direct Get answers 404 for a
    // sequence it does not have.
    String direct = stream + "D";
    js.streams()
        .create(
            StreamConfig.builder(direct).subjects(direct.toLowerCase()).allowDirect(true).build());
    try {
      String getSubject = "$JS.API.DIRECT.GET." + direct;
      byte[] body = "{\"seq\":99}".getBytes(UTF_8);
      JetStreamException sync =
          assertThrows(JetStreamException.class, () -> js.publish(getSubject, body));
      assertTrue(sync.getMessage().contains("404"), sync.getMessage());
      assertFalse(sync.getMessage().contains("empty body"), sync.getMessage());
      CompletionException async =
          assertThrows(CompletionException.class, () -> js.publishAsync(getSubject, body).join());
      assertInstanceOf(JetStreamException.class, async.getCause());
      assertTrue(async.getCause().getMessage().contains("404"), async.getCause().getMessage());
    } finally {
      js.streams().delete(direct);
    }
  }

  @Test
  void hundredThousandAsyncPublishesAreAllAckedInOrder() {
    int n = 100_000;
    List<CompletableFuture<PubAck>> acks = new ArrayList<>(n);
    byte[] payload = new byte[32];
    for (int i = 0; i < n; i++) {
      acks.add(js.publishAsync(subject, payload));
    }
    js.waitForOutstandingAcks(WAIT);
    assertEquals(0, js.outstandingAcks());
    for (int i = 0; i < n; i++) {
      PubAck ack = acks.get(i).join();
      assertEquals(i + 1, ack.seq(), "ack " + i + " out of order");
      assertFalse(ack.duplicate());
    }
    StreamState state = js.streams().info(stream).state();
    assertEquals(n, state.messages());
    assertEquals(1, state.firstSeq());
    assertEquals(n, state.lastSeq());
  }

  @Test
  void aFullWindowFailsFastOrBlocksForTheAckTimeout() {
    try (NatsServer own = NatsServer.start(ServerConfig.builder().jetStream().build());
        Connection c = Nats.connect(own.clientUrl());
        JetStream failFast =
            JetStream.of(
                c,
                JetStreamOptions.builder()
                    .maxOutstandingAcks(2)
                    .windowFullPolicy(WindowFullPolicy.FAIL)
                    .publishAckTimeout(Duration.ofSeconds(10))
                    .build());
        JetStream blocking =
            JetStream.of(
                c,
                JetStreamOptions.builder()
                    .maxOutstandingAcks(1)
                    .windowFullPolicy(WindowFullPolicy.BLOCK)
                    .publishAckTimeout(Duration.ofMillis(300))
                    .build())) {
      failFast.streams().create(StreamConfig.builder("W").subjects("w").build());
      own.pause();
      List<CompletableFuture<PubAck>> sent = new ArrayList<>();
      boolean fifthSent = false;
      try {
        sent.add(failFast.publishAsync("w", new byte[] {1}));
        sent.add(failFast.publishAsync("w", new byte[] {2}));
        assertThrows(
            PublishWindowFullException.class, () -> failFast.publishAsync("w", new byte[] {3}));
        assertEquals(2, failFast.outstandingAcks());

        // before the holder: both the holder's ack timeout and the wait start after this
        long start = System.nanoTime();
        CompletableFuture<PubAck> holder = blocking.publishAsync("w", new byte[] {4});
        try {
          blocking.publishAsync("w", new byte[] {5});
          // the wait and the holder's ack timeout are equally long and the holder started first:
          // its timeout may free the slot just before the wait gives up, and then 5 is sent
          fifthSent = true;
          CompletionException timedOut = assertThrows(CompletionException.class, holder::join);
          assertInstanceOf(NatsTimeoutException.class, timedOut.getCause(), "the slot came back");
        } catch (PublishWindowFullException blocked) {
          assertTrue(blocked.getMessage().contains("full"), blocked.getMessage());
        }
        assertTrue(
            Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250,
            "blocked for the ack timeout");
      } finally {
        own.resume();
      }
      assertEquals(List.of(1L, 2L), List.of(sent.get(0).join().seq(), sent.get(1).join().seq()));
      assertEquals(
          fifthSent ? 5 : 4,
          failFast.publishAsync("w", new byte[] {6}).join().seq(),
          "slots came back");
    }
  }

  @Test
  void lateAcksTimeOutAndClosingTheContextFailsTheRest() {
    try (NatsServer own = NatsServer.start(ServerConfig.builder().jetStream().build());
        Connection c = Nats.connect(own.clientUrl());
        JetStream quick =
            JetStream.of(
                c,
                JetStreamOptions.builder()
                    .publishAckTimeout(Duration.ofMillis(300))
                    .maxOutstandingAcks(10)
                    .build());
        JetStream patient = JetStream.of(c)) {
      quick.streams().create(StreamConfig.builder("T").subjects("t").build());
      own.pause();
      CompletableFuture<PubAck> late;
      CompletableFuture<PubAck> closed;
      try {
        late = quick.publishAsync("t", new byte[] {1});
        closed = patient.publishAsync("t", new byte[] {2});
        CompletionException timedOut = assertThrows(CompletionException.class, late::join);
        assertInstanceOf(io.nats4j.client.NatsTimeoutException.class, timedOut.getCause());
        assertTrue(timedOut.getCause().getMessage().contains("may or may not be stored"));
        assertEquals(0, quick.outstandingAcks(), "the slot came back");
        patient.close();
        CompletionException e = assertThrows(CompletionException.class, closed::join);
        assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
        assertThrows(JetStreamException.class, () -> patient.publishAsync("t", new byte[] {3}));
      } finally {
        own.resume();
      }
      assertEquals(3, quick.publishAsync("t", new byte[] {4}).join().seq(), "late acks ignored");
    }
  }

  @Test
  void outstandingAcksFailWithADisconnectedErrorWhenTheConnectionDrops() {
    try (NatsServer own = NatsServer.start(ServerConfig.builder().jetStream().build());
        Connection c = Nats.connect(own.clientUrl());
        JetStream j = JetStream.of(c)) {
      // a stream that stores without acking: the acks stay outstanding on a live server
      j.streams().create(StreamConfig.builder("D").subjects("d").noAck(true).build());
      List<CompletableFuture<PubAck>> outstanding = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        outstanding.add(j.publishAsync("d", new byte[] {1}));
      }
      // all 50 went out on this socket (only those are failed when it is lost; messages still
      // buffered stay for the next server and get their acks there)
      c.flush(Duration.ofSeconds(10));
      assertEquals(50, j.outstandingAcks());
      own.kill();
      for (CompletableFuture<PubAck> f : outstanding) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(JetStreamException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("connection was lost"), e.getMessage());
      }
      assertEquals(0, j.outstandingAcks());
    }
  }

  @Test
  void outstandingAcksFailWhenTheConnectionIsClosed() {
    try (NatsServer own = NatsServer.start(ServerConfig.builder().jetStream().build());
        Connection c = Nats.connect(own.clientUrl());
        JetStream j = JetStream.of(c)) {
      j.streams().create(StreamConfig.builder("C").subjects("c").build());
      own.pause();
      CompletableFuture<PubAck> outstanding;
      try {
        outstanding = j.publishAsync("c", new byte[] {1});
        c.close();
      } finally {
        own.resume();
      }
      CompletionException e = assertThrows(CompletionException.class, outstanding::join);
      assertInstanceOf(JetStreamException.class, e.getCause());
      assertTrue(e.getCause().getMessage().contains("connection was closed"), e.getMessage());
      assertEquals(0, j.outstandingAcks());
    }
  }
}
