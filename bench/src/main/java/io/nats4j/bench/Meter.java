package io.nats4j.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Measures the timed part of one run: wall time, and the CPU time of the whole benchmark JVM (every
 * thread: the client's, the scenario's own, GC and JIT) over the same span. The server runs in its
 * own process and is not counted there; with {@code -Dbench.server.pid=PID} its CPU time over the
 * same span is read too ({@link ServerCpu}). The JIT compilers' time over the span is read apart as
 * well: it is part of the CPU time, and a run that still compiles the client shows it.
 *
 * <p>Thread-safety: start and stop it on the same thread; the CPU time it reads is process-wide.
 */
final class Meter {
  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
  private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

  private final long startNanos;
  private final long startCpuNanos;
  private final long startServerCpuNanos;
  private final long startJitMillis;

  private Meter(long startNanos, long startCpuNanos, long startServerCpuNanos, long startJit) {
    this.startNanos = startNanos;
    this.startCpuNanos = startCpuNanos;
    this.startServerCpuNanos = startServerCpuNanos;
    this.startJitMillis = startJit;
  }

  /** Starts measuring now. */
  static Meter start() {
    long server = ServerCpu.nanos();
    long jit = jitMillis();
    long cpu = processCpuNanos();
    return new Meter(System.nanoTime(), cpu, server, jit);
  }

  /** Stops and returns the result of a throughput run. */
  RunResult throughput() {
    long nanos = System.nanoTime() - startNanos;
    return RunResult.throughput(nanos, cpuSinceStart())
        .withServerCpu(serverCpuSinceStart())
        .withJit(jitSinceStart());
  }

  /** Stops and returns the result of a latency run with these per-operation latencies. */
  RunResult latency(long[] latencyNanos) {
    long nanos = System.nanoTime() - startNanos;
    return RunResult.latency(nanos, cpuSinceStart(), latencyNanos)
        .withServerCpu(serverCpuSinceStart())
        .withJit(jitSinceStart());
  }

  private long jitSinceStart() {
    long now = jitMillis();
    return now < 0 || startJitMillis < 0 ? -1 : now - startJitMillis;
  }

  /** The JIT compilers' accumulated time in milliseconds, or -1 if the JVM does not report it. */
  private static long jitMillis() {
    return JIT != null && JIT.isCompilationTimeMonitoringSupported()
        ? JIT.getTotalCompilationTime()
        : -1;
  }

  private long serverCpuSinceStart() {
    long now = ServerCpu.nanos();
    return now < 0 || startServerCpuNanos < 0 ? -1 : now - startServerCpuNanos;
  }

  private long cpuSinceStart() {
    long now = processCpuNanos();
    return now < 0 || startCpuNanos < 0 ? -1 : now - startCpuNanos;
  }

  /** The JVM's process CPU time in nanoseconds (user + system), or -1 if the JVM cannot tell. */
  static long processCpuNanos() {
    if (OS instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
