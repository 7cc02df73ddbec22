package io.nats4j.samples;

import static io.nats4j.samples.SampleOutput.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs each everyday sample against a real server, as scripts/demo does, and checks its output. */
class SamplesIT {
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server = NatsServer.start(ServerConfig.builder().jetStream().build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void publishSubscribe() throws Exception {
    String out = run(() -> PublishSubscribe.main(args()));
    assertTrue(out.contains("sync subscription got: hello #3"), out);
    assertTrue(out.contains("async handler got: hello #3"), out);
  }

  @Test
  void requestReply() throws Exception {
    String out = run(() -> RequestReply.main(args()));
    assertTrue(out.contains("sync reply: it is "), out);
    assertTrue(out.contains("async reply: it is "), out);
    assertTrue(out.contains("no responders, reported at once"), out);
  }

  @Test
  void microService() throws Exception {
    String out = run(() -> MicroService.main(args()));
    assertTrue(out.contains("upper: HELLO"), out);
    assertTrue(out.contains("reverse: olleh"), out);
    assertTrue(out.contains("empty request: error 400 nothing to upper-case"), out);
    assertTrue(out.contains("endpoint reverse on text.reverse"), out);
    assertTrue(
        out.contains("stats upper: requests=2 errors=1 last_error=400:nothing to upper-case"), out);
    assertTrue(out.contains("stopped; services left: 0"), out);
  }

  @Test
  void queueGroups() throws Exception {
    assertTrue(run(() -> QueueGroups.main(args())).contains("30 jobs, each handled once"));
  }

  @Test
  void messageHeaders() throws Exception {
    String out = run(() -> MessageHeaders.main(args()));
    assertTrue(out.contains("header Tag = [urgent, gift]"), out);
    assertTrue(out.contains("header Order-Id = [42]"), out);
  }

  @Test
  void wildcards() throws Exception {
    String out = run(() -> Wildcards.main(args()));
    assertTrue(out.contains("'*' got: samples.weather.paris\n"), out);
    assertTrue(out.contains("'>' got: samples.weather.paris.tomorrow"), out);
  }

  @Test
  void drain() throws Exception {
    assertTrue(run(() -> Drain.main(args())).contains("handled 1000 of 1000 messages"));
  }

  @Test
  void streamManagement() throws Exception {
    String out = run(() -> StreamManagement.main(args()));
    assertTrue(
        out.contains("created stream SAMPLE_ORDERS on [samples.orders.>], MEMORY storage"), out);
    assertTrue(
        out.contains(
            "stream holds 6 messages, seq 1..6, per subject"
                + " {samples.orders.new=5, samples.orders.shipped=1}"),
        out);
    assertTrue(out.contains("purged 4 messages of samples.orders.new, kept the newest"), out);
    assertTrue(out.contains("purged the other 2, the stream holds 0"), out);
    assertTrue(out.contains("deleted stream SAMPLE_ORDERS: true"), out);
  }

  @Test
  void jetStreamPublish() throws Exception {
    String out = run(() -> JetStreamPublish.main(args()));
    assertTrue(out.contains("sync: stored as seq 1 in SAMPLE_EVENTS\n"), out);
    assertTrue(out.contains("sync resend: seq 1, duplicate=true\n"), out);
    assertTrue(
        out.contains("async: seq 2\nasync: seq 3\nasync: seq 4\nasync: seq 3, duplicate\n"), out);
    assertTrue(out.contains("6 publishes, 4 messages stored"), out);
  }

  @Test
  void reconnectEventsWhileTheServerRestarts() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    String out;
    try {
      CompletableFuture<Void> sample =
          CompletableFuture.runAsync(
              () -> {
                try {
                  ReconnectEvents.main(args());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
                }
              });
      Await.until(
          () -> captured.toString(StandardCharsets.UTF_8).contains("publishing every"),
          Duration.ofSeconds(10),
          "the sample starts publishing");
      server.restart();
      sample.get(30, TimeUnit.SECONDS);
    } finally {
      System.setOut(original);
      out = captured.toString(StandardCharsets.UTF_8);
      original.print(out);
    }
    assertTrue(out.contains("event: Disconnected["), out);
    assertTrue(out.contains("event: Reconnected["), out);
    assertTrue(out.contains("event: Resubscribed[subscriptions=1]"), out);
    assertTrue(out.matches("(?s).*published \\d+, received \\d+ .*"), out);
  }

  @Test
  void tracingToConsole() throws Exception {
    assertTrue(run(() -> TracingToConsole.main(args())).contains("client got: it is "));
  }

  @Test
  void springBootApp() throws Exception {
    String out = run(() -> SpringBootApp.main(args()));
    assertTrue(out.contains("spring bean received: hello from Spring Boot"), out);
    assertTrue(out.contains("JetStream ack: seq 1"), out);
  }

  private static String[] args() {
    return new String[] {server.clientUrl()};
  }

  @Test
  void fetchBatchFetchesThreeThenTheRest() throws Exception {
    String out = run(() -> FetchBatch.main(args()));
    assertTrue(
        out.contains("fetched job 1 (seq 1)\nfetched job 2 (seq 2)\nfetched job 3 (seq 3)\n"), out);
    assertTrue(out.contains("second fetch: 2 messages, ended EXPIRED"), out);
  }

  @Test
  void consumeAndDrainHandlesEverythingBeforeTheDrainCompletes() throws Exception {
    String out = run(() -> ConsumeAndDrain.main(args()));
    assertTrue(out.contains("handled 100 orders, then drained"), out);
    assertTrue(out.contains("unacked on the server: 0"), out);
  }

  @Test
  void orderedReplayReplaysOneSubjectInOrder() throws Exception {
    String out = run(() -> OrderedReplay.main(args()));
    assertTrue(
        out.contains("to replay: 3\nseq 1: login ann\nseq 3: login ann\nseq 5: login ann\n"), out);
  }
}
