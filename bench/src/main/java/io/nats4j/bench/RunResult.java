package io.nats4j.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one measured run took.
 *
 * <p>Thread-safety: immutable once returned (the latency array is not modified afterwards).
 *
 * @param nanos wall time of the measured part
 * @param latencyNanos per-request latencies for latency scenarios, sorted ascending, or null
 */
record RunResult(long nanos, long[] latencyNanos) {

  static RunResult throughput(long nanos) {
    return new RunResult(nanos, null);
  }

  static RunResult latency(long nanos, long[] latencies) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new RunResult(nanos, sorted);
  }

  /** The JSON line of DESIGN.md ("Contracts the outside relies on"). */
  String toJson(String scenario, String client, int msgs, int size) {
    double seconds = nanos / 1e9;
    double msgsPerSecond = msgs / seconds;
    double mbPerSecond = msgsPerSecond * size / (1024.0 * 1024.0);
    StringBuilder sb = new StringBuilder(200);
    sb.append(
        String.format(
            Locale.ROOT,
            "{\"scenario\":\"%s\",\"client\":\"%s\",\"msgs\":%d,\"size\":%d,\"seconds\":%.3f,"
                + "\"msgs_per_s\":%d,\"mb_per_s\":%.1f",
            scenario,
            client,
            msgs,
            size,
            seconds,
            Math.round(msgsPerSecond),
            mbPerSecond));
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
