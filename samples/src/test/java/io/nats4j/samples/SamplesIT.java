package io.nats4j.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.NatsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs each everyday sample against a real server, as scripts/demo does, and checks its output. */
class SamplesIT {
  private static NatsServer server;

  @BeforeAll
  static void start() {
    server = NatsServer.start();
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

  private static String[] args() {
    return new String[] {server.clientUrl()};
  }

  /** A sample's main method. */
  interface Sample {
    void run() throws Exception;
  }

  private static String run(Sample sample) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      sample.run();
    } finally {
      System.setOut(original);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    original.print(out);
    return out;
  }
}
