package io.nats4j.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one measured run took.
 *
 * <p>Thread-safety: immutable once returned (the latency array is not modified afterwards).
 *
 * @param nanos wall time of the measured part
 * @param cpuNanos CPU time of the benchmark JVM (all threads) during the measured part, or -1 when
 *     the JVM cannot report it
 * @param latencyNanos per-request latencies for latency scenarios, sorted ascending, or null
 * @param serverCpuNanos CPU time of the server process during the measured part ({@link
 *     ServerCpu}), or -1 when not measured
 * @param jitMillis time the JIT compilers spent during the measured part (part of {@code cpuNanos}:
 *     a run that still compiles the client measures its warm-up, not its cost per message), or -1
 *     when not measured
 */
record RunResult(
    long nanos, long cpuNanos, long[] latencyNanos, long serverCpuNanos, long jitMillis) {

  RunResult(long nanos, long cpuNanos, long[] latencyNanos) {
    this(nanos, cpuNanos, latencyNanos, -1, -1);
  }

  /** A throughput run's result; scenarios get it from {@link Meter#throughput()}. */
  static RunResult throughput(long nanos, long cpuNanos) {
    return new RunResult(nanos, cpuNanos, null);
  }

  /** This result with the server's CPU time over the measured part. */
  RunResult withServerCpu(long serverCpuNanos) {
    return new RunResult(nanos, cpuNanos, latencyNanos, serverCpuNanos, jitMillis);
  }

  /** This result with the JIT compilers' time over the measured part. */
  RunResult withJit(long jitMillis) {
    return new RunResult(nanos, cpuNanos, latencyNanos, serverCpuNanos, jitMillis);
  }

  /** A latency run's result; scenarios get it from {@link Meter#latency(long[])}. */
  static RunResult latency(long nanos, long cpuNanos, long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new RunResult(nanos, cpuNanos, sorted);
  }

  /** The JSON line of DESIGN.md ("Contracts the outside relies on"). */
  String toJson(String scenario, String client, int msgs, int size) {
    return toJson(scenario, client, msgs, size, null);
  }

  /**
   * The JSON line of DESIGN.md; JetStream scenarios add {@code "storage"} after {@code "size"}.
   *
   * @param storage the stream storage, or null to leave the field out
   */
  String toJson(String scenario, String client, int msgs, int size, BenchOptions.Storage storage) {
    return toJson(scenario, client, msgs, size, storage, null);
  }

  /**
   * The JSON line; WebSocket runs add {@code "transport"} ({@code ws}, {@code ws+deflate}) after
   * {@code "size"} (and {@code "storage"}).
   *
   * @param storage the stream storage, or null to leave the field out
   * @param transport the transport label, or null (TCP) to leave the field out
   */
  String toJson(
      String scenario,
      String client,
      int msgs,
      int size,
      BenchOptions.Storage storage,
      String transport) {
    double seconds = nanos / 1e9;
    double msgsPerSecond = msgs / seconds;
    double mbPerSecond = msgsPerSecond * size / (1024.0 * 1024.0);
    StringBuilder sb = new StringBuilder(200);
    sb.append(
        String.format(
            Locale.ROOT,
            "{\"scenario\":\"%s\",\"client\":\"%s\",\"msgs\":%d,\"size\":%d,%s\"seconds\":%.3f,"
                + "\"msgs_per_s\":%d,\"mb_per_s\":%.1f,\"cpu_ns_per_msg\":%s",
            scenario,
            client,
            msgs,
            size,
            (storage == null ? "" : "\"storage\":\"" + storage.label() + "\",")
                + (transport == null ? "" : "\"transport\":\"" + transport + "\","),
            seconds,
            Math.round(msgsPerSecond),
            mbPerSecond,
            cpuNanos < 0 ? "null" : String.format(Locale.ROOT, "%.1f", (double) cpuNanos / msgs)));
    if (serverCpuNanos >= 0) {
      sb.append(
          String.format(
              Locale.ROOT, ",\"server_cpu_ns_per_msg\":%.1f", (double) serverCpuNanos / msgs));
    }
    if (jitMillis >= 0) {
      sb.append(",\"jit_ms\":").append(jitMillis);
    }
    if (latencyNanos != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              ",\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f",
              percentileMicros(0.50),
              percentileMicros(0.90),
              percentileMicros(0.99)));
    }
    return sb.append('}').toString();
  }

  /** Nearest-rank percentile. */
  private double percentileMicros(double p) {
    int rank = (int) Math.ceil(p * latencyNanos.length);
    return latencyNanos[Math.max(0, rank - 1)] / 1000.0;
  }
}
