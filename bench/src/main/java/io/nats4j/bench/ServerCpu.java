package io.nats4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time (user + system) of a server process on the same Linux machine, named by {@code
 * -Dbench.server.pid=PID}: read from {@code /proc/PID/stat} (fields utime and stime, in clock ticks
 * of 10 ms, USER_HZ 100 on Linux). Lets a run report what it made the server spend per message, the
 * cost that bounds a server-bound scenario. Only meaningful when nothing else uses that server
 * during the run.
 *
 * <p>Thread-safety: stateless; safe from any thread.
 */
final class ServerCpu {
  private static final String PID = System.getProperty("bench.server.pid");
  private static final long NANOS_PER_TICK = 10_000_000L;

  private ServerCpu() {}

  /** The server's CPU time so far in nanoseconds, or -1 without a pid or a readable stat file. */
  static long nanos() {
    if (PID == null || PID.isBlank()) {
      return -1;
    }
    try {
      return parseTicks(Files.readString(Path.of("/proc", PID.trim(), "stat"))) * NANOS_PER_TICK;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * utime + stime of a {@code /proc/PID/stat} line (fields 14 and 15; the name may hold spaces).
   */
  static long parseTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }
}
