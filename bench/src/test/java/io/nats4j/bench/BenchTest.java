package io.nats4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line and the output format; the scenarios themselves need a server (scripts/bench).
 */
class BenchTest {

  @Test
  void defaultsPerScenario() throws Exception {
    BenchOptions pub = BenchOptions.parse(new String[] {"pub"});
    assertEquals(1_000_000, pub.msgs());
    assertEquals(16, pub.size());
    assertEquals(1, pub.runs());
    assertEquals(List.of("jnats", "nats4j"), pub.clients());
    assertNull(pub.server());
    assertNull(pub.storage());
    assertEquals(20_000, BenchOptions.parse(new String[] {"reqrep"}).msgs());
  }

  @Test
  void jetStreamScenariosDefaultToFileStorage() throws Exception {
    BenchOptions sync = BenchOptions.parse(new String[] {"js-pub"});
    assertEquals(20_000, sync.msgs());
    assertEquals(BenchOptions.Storage.FILE, sync.storage());
    BenchOptions async = BenchOptions.parse(new String[] {"js-pub-async", "--storage", "memory"});
    assertEquals(200_000, async.msgs());
    assertEquals(BenchOptions.Storage.MEMORY, async.storage());
  }

  @Test
  void parsesEveryOption() throws Exception {
    BenchOptions o =
        BenchOptions.parse(
            new String[] {
              "pubsub",
              "--client",
              "jnats",
              "--msgs",
              "1_000",
              "--size",
              "0",
              "--server",
              "nats://h:4222",
              "--runs",
              "3"
            });
    assertEquals(
        new BenchOptions("pubsub", List.of("jnats"), 1000, 0, "nats://h:4222", 3, null), o);
    BenchOptions js =
        BenchOptions.parse(
            new String[] {"js-pub", "--storage", "file", "--client", "both", "--msgs", "5"});
    assertEquals(
        new BenchOptions(
            "js-pub", List.of("jnats", "nats4j"), 5, 16, null, 1, BenchOptions.Storage.FILE),
        js);
  }

  @Test
  void parsesTheServiceScenarioWithRequesters() throws Exception {
    BenchOptions svc = BenchOptions.parse(new String[] {"svc", "--requesters", "8"});
    assertEquals(8, svc.requesters());
    assertEquals(40_000, svc.msgs());
    assertEquals(1, BenchOptions.parse(new String[] {"svc"}).requesters());
    assertThrows(
        BenchOptions.UsageException.class,
        () -> BenchOptions.parse(new String[] {"pub", "--requesters", "2"}));
    assertThrows(
        BenchOptions.UsageException.class,
        () -> BenchOptions.parse(new String[] {"svc", "--requesters", "0"}));
  }

  @Test
  void batchScenariosDefaultToNatscliSizesAndTakeABatchSize() throws Exception {
    assertEquals(
        new BenchOptions(
            "js-ingest",
            List.of("jnats", "nats4j"),
            500_000,
            128,
            null,
            1,
            BenchOptions.Storage.FILE,
            1,
            500,
            false,
            false),
        BenchOptions.parse(new String[] {"js-ingest"}));
    assertEquals(100, BenchOptions.parse(new String[] {"js-batch", "--batch", "100"}).batch());
    assertThrows(
        BenchOptions.UsageException.class,
        () -> BenchOptions.parse(new String[] {"js-batch", "--batch", "0"}));
  }

  @Test
  void webSocketComesFromTheFlagOrTheServerScheme() throws Exception {
    BenchOptions started =
        BenchOptions.parse(new String[] {"pubsub", "--transport", "ws", "--compression", "on"});
    assertTrue(started.webSocket() && started.compression());
    assertEquals("ws+deflate", started.transportLabel());
    BenchOptions given = BenchOptions.parse(new String[] {"reqrep", "--server", "wss://h:443"});
    assertTrue(given.webSocket());
    assertEquals("ws", given.transportLabel());
    assertEquals(null, BenchOptions.parse(new String[] {"pub"}).transportLabel());
    assertTrue(
        new RunResult(1_000_000_000L, 10_000_000L, null)
            .toJson("pubsub", "nats4j", 10, 16, null, "ws")
            .contains("\"size\":16,\"transport\":\"ws\","));
  }

  @Test
  void rejectsBadCommandLinesWithExit64() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"nope"},
            new String[] {"pub", "--client", "go"},
            new String[] {"pub", "--msgs", "0"},
            new String[] {"pub", "--size", "-1"},
            new String[] {"pub", "--runs"},
            new String[] {"pub", "--bogus", "1"},
            new String[] {"js-pub", "--storage", "disk"},
            new String[] {"js-pub-async", "--storage"},
            new String[] {"pub", "--storage", "memory"},
            new String[] {"pub", "--transport", "quic"},
            new String[] {"pub", "--transport", "ws", "--server", "nats://h:4222"},
            new String[] {"pub", "--compression", "on"},
            new String[] {"pub", "--compression", "on", "--server", "ws://h:80"})) {
      assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse(args));
      Output output = run(args);
      assertEquals(Bench.EXIT_USAGE, output.code);
      assertTrue(output.err.contains("usage: scripts/bench"), output.err);
      assertEquals("", output.out);
    }
  }

  @Test
  void plannedScenariosExitWithCode2() {
    for (String scenario : BenchOptions.PLANNED) {
      Output output = run(new String[] {scenario});
      assertEquals(Bench.EXIT_NOT_IMPLEMENTED, output.code, scenario);
      assertTrue(output.err.contains("not yet implemented"), output.err);
      assertEquals("", output.out);
    }
  }

  @Test
  void throughputJsonMatchesTheDesignContract() {
    String json =
        RunResult.throughput(410_000_000L, 123_450_000L).toJson("pub", "nats4j", 1_000_000, 16);
    assertEquals(
        "{\"scenario\":\"pub\",\"client\":\"nats4j\",\"msgs\":1000000,\"size\":16,"
            + "\"seconds\":0.410,\"msgs_per_s\":2439024,\"mb_per_s\":37.2,\"cpu_ns_per_msg\":123.5}",
        json);
  }

  @Test
  void jetStreamJsonNamesTheStorage() {
    String json =
        RunResult.throughput(2_000_000_000L, 3_000_000_000L)
            .toJson("js-pub-async", "jnats", 200_000, 128, BenchOptions.Storage.MEMORY);
    assertEquals(
        "{\"scenario\":\"js-pub-async\",\"client\":\"jnats\",\"msgs\":200000,\"size\":128,"
            + "\"storage\":\"memory\",\"seconds\":2.000,\"msgs_per_s\":100000,\"mb_per_s\":12.2,"
            + "\"cpu_ns_per_msg\":15000.0}",
        json);
  }

  @Test
  void serverCpuIsAddedWhenMeasured() {
    String json =
        RunResult.throughput(1_000_000_000L, 2_000_000_000L)
            .withServerCpu(5_000_000_000L)
            .toJson("js-batch", "nats4j", 500_000, 128, BenchOptions.Storage.FILE);
    assertTrue(
        json.endsWith(",\"cpu_ns_per_msg\":4000.0,\"server_cpu_ns_per_msg\":10000.0}"), json);
    assertEquals(
        1234 + 56,
        ServerCpu.parseTicks(
            "4242 (nats server) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 9 0 1 2 3"));
  }

  @Test
  void jitTimeIsAddedWhenMeasured() {
    String json =
        RunResult.latency(1_000_000_000L, 2_000_000_000L, new long[] {1_000})
            .withServerCpu(4_000_000_000L)
            .withJit(42)
            .toJson("kv-get", "nats4j", 1_000, 128);
    assertTrue(
        json.contains(",\"server_cpu_ns_per_msg\":4000000.0,\"jit_ms\":42,\"p50_us\":1.0,"), json);
  }

  @Test
  void cpuTimeIsNullWhenTheJvmCannotReportIt() {
    String json = RunResult.throughput(1_000_000_000L, -1).toJson("pub", "jnats", 10, 16);
    assertTrue(json.endsWith(",\"mb_per_s\":0.0,\"cpu_ns_per_msg\":null}"), json);
  }

  @Test
  void meterCountsTheCpuTheTimedPartBurns() {
    assumeTrue(Meter.processCpuNanos() >= 0, "this JVM does not report its process CPU time");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isCurrentThreadCpuTimeSupported(), "no thread CPU time on this JVM");
    Meter meter = Meter.start();
    long threadStart = threads.getCurrentThreadCpuTime();
    long burnt = 0;
    while (burnt < 100_000_000L) { // burn 100 ms of this thread's CPU, however long that takes
      burnt = threads.getCurrentThreadCpuTime() - threadStart;
    }
    RunResult result = meter.throughput();
    // The process burnt at least what this thread did; its clock may tick in 10 ms steps.
    assertTrue(result.cpuNanos() >= burnt - 20_000_000L, result.cpuNanos() + " < " + burnt);
    assertTrue(result.nanos() >= burnt - 20_000_000L, "wall " + result.nanos());
  }

  @Test
  void streamNamesAreValidAndFollowTheSubject() {
    assertEquals(
        "bench_js-pub_nats4j_run0_1f", Scenarios.streamName("bench.js-pub.nats4j.run0.1f"));
  }

  @Test
  void latencyJsonAddsPercentiles() {
    long[] latencies = new long[100];
    for (int i = 0; i < 100; i++) {
      latencies[99 - i] = (i + 1) * 1000L; // 1..100 us, unsorted
    }
    String json =
        RunResult.latency(1_000_000_000L, 2_000_000L, latencies).toJson("reqrep", "jnats", 100, 16);
    assertTrue(
        json.endsWith(
            ",\"cpu_ns_per_msg\":20000.0,\"p50_us\":50.0,\"p90_us\":90.0,\"p99_us\":99.0}"),
        json);
    assertTrue(json.contains("\"msgs_per_s\":100,"), json);
  }

  private record Output(int code, String out, String err) {}

  private static Output run(String[] args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Bench.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
