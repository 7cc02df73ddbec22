package io.nats4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process and file chores for {@link NatsServer}: signals, /proc states, exits, temp dirs. */
final class Processes {

  private Processes() {}

  /** Sends {@code SIG<name>} to {@code pid} with {@code kill} (ProcessHandle has no signal API). */
  static void signal(long pid, String name) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + name, Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + pid + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run kill -" + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling nats-server", e);
    }
  }

  /** Waits until /proc shows the process stopped (state T) or not; no-op without /proc. */
  static void awaitStopped(long pid, boolean stopped) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    if (!Files.exists(stat)) {
      return;
    }
    Await.until(
        () -> {
          try {
            String text = readProcFile(stat);
            int afterName = text.lastIndexOf(')');
            boolean isStopped = afterName > 0 && text.charAt(afterName + 2) == 'T';
            return isStopped == stopped;
          } catch (IOException e) {
            return true;
          }
        },
        Duration.ofSeconds(5),
        "nats-server pid " + pid + (stopped ? " to stop" : " to continue"));
  }

  /**
   * Reads a /proc file to its end. Files.readString trusts the reported size, which /proc files get
   * wrong (it returned "3" for "32768\t60999").
   */
  static String readProcFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  /** Waits for {@code p} to exit; false on timeout or interrupt (then it is killed). */
  static boolean waitForExit(Process p, Duration timeout) {
    try {
      return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return false;
    }
  }

  /** Deletes {@code dir} and everything in it, best effort. */
  static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException ignored) {
                  // best effort: a file the server still writes at exit; the OS temp cleaner
                  // gets it
                }
              });
    } catch (IOException | UncheckedIOException ignored) {
      // best effort, see above
    }
  }
}
