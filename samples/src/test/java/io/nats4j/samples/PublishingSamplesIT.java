package io.nats4j.samples;

import static io.nats4j.samples.SampleOutput.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import io.nats4j.testkit.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the batch, schedule and counter samples against a real server and checks their output. */
@RequiresServerVersion("2.12.0") // atomic batches, schedules and counters (JetStream API level 2)
class PublishingSamplesIT {
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
  void atomicBatchStoresTheFirstBatchOnly() throws Exception {
    String out = run(() -> AtomicBatchPublish.main(args()));
    assertTrue(out.contains(": 3 messages, last seq 3\n"), out);
    assertTrue(out.contains("second batch refused: wrong last sequence"), out);
    assertTrue(out.contains("3 messages stored (the first batch only)"), out);
  }

  @Test
  void scheduledMessageFires() throws Exception {
    String out = run(() -> ScheduledMessage.main(args()));
    assertTrue(out.contains("-> reminders.due]"), out);
    assertTrue(out.contains(": call Alice"), out);
  }

  @Test
  void countersAddUp() throws Exception {
    String out = run(() -> Counters.main(args()));
    assertTrue(out.contains("hits.home is now 40\n"), out);
    assertTrue(out.contains("hits.huge is now 1267650600228229401496703205376 (2^100)"), out);
    assertTrue(out.contains("read back: 40, last increment -2"), out);
  }

  private static String[] args() {
    return new String[] {server.clientUrl()};
  }
}
