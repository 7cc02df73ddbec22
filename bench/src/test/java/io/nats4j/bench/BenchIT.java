package io.nats4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JetStream scenarios end to end, both clients, through {@link Bench#run} starting its own
 * nats-server (as scripts/bench does without --server): each run creates its stream, checks every
 * ack's sequence and the stored count, deletes the stream, and prints its JSON line.
 */
class BenchIT {

  @Test
  void jsPubOnFileStorage() {
    List<String> lines = run("js-pub", "--msgs", "200", "--size", "64", "--runs", "2");
    assertEquals(4, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      assertTrue(
          line.matches(
              "\\{\"scenario\":\"js-pub\",\"client\":\"(nats4j|jnats)\",\"msgs\":200,\"size\":64,"
                  + "\"storage\":\"file\",\"seconds\":[0-9.]+,\"msgs_per_s\":[0-9]+,"
                  + "\"mb_per_s\":[0-9.]+,\"cpu_ns_per_msg\":[0-9.]+,\"jit_ms\":[0-9]+,\"p50_us\":[0-9.]+,"
                  + "\"p90_us\":[0-9.]+,"
                  + "\"p99_us\":[0-9.]+\\}"),
          line);
    }
    assertEquals(2, lines.stream().filter(l -> l.contains("\"client\":\"jnats\"")).count());
  }

  @Test
  void jsPubAsyncOnMemoryStorageFillsTheWindow() {
    // More messages than the window, so both clients block on it at least once.
    int msgs = Scenarios.ASYNC_ACK_WINDOW * 2 + 7;
    List<String> lines =
        run("js-pub-async", "--msgs", Integer.toString(msgs), "--storage", "memory", "--runs", "1");
    assertEquals(2, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      assertTrue(
          line.matches(
              "\\{\"scenario\":\"js-pub-async\",\"client\":\"(nats4j|jnats)\",\"msgs\":"
                  + msgs
                  + ",\"size\":16,\"storage\":\"memory\",\"seconds\":[0-9.]+,"
                  + "\"msgs_per_s\":[0-9]+,\"mb_per_s\":[0-9.]+,\"cpu_ns_per_msg\":[0-9.]+,"
                  + "\"jit_ms\":[0-9]+\\}"),
          line);
    }
  }

  private static List<String> run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Bench.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String errors = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, errors);
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
