package io.nats4j.samples;

import static io.nats4j.samples.SampleOutput.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Key/Value samples against a real server, as scripts/demo does, and checks the output.
 */
class KeyValueSamplesIT {
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
  void keyValueBasics() throws Exception {
    String out = run(() -> KeyValueBasics.main(new String[] {server.clientUrl()}));
    assertTrue(out.contains("put alice.email at revision 1\n"), out);
    assertTrue(out.contains("get alice.email = alice@example.com\n"), out);
    assertTrue(out.contains("update from revision 1 -> 2\n"), out);
    assertTrue(out.contains("update from stale revision 1 refused\n"), out);
    assertTrue(out.contains("after delete, get is empty: true\n"), out);
    assertTrue(out.contains("history: 1 PUT alice@example.com\n"), out);
    assertTrue(out.contains("history: 3 DELETE \n"), out);
  }

  @Test
  void keyValueWatching() throws Exception {
    String out = run(() -> KeyValueWatching.main(new String[] {server.clientUrl()}));
    assertEquals(
        "watch: app.color PUT blue\n"
            + "watch: app.size PUT large\n"
            + "watch: end of initial data\n"
            + "watch: app.color PUT green\n"
            + "watch: app.size DELETE \n",
        out);
  }
}
