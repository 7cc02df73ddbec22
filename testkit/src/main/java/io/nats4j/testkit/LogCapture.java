package io.nats4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Captures what is logged through SLF4J while it is open, for tests that check what a library logs
 * and at which level. It works with the {@code slf4j-simple} provider (the test-scope provider of
 * the nats4j modules), which writes each record as one line, {@code [thread] LEVEL logger -
 * message}, to whatever {@link System#err} is at that moment: the capture swaps {@code System.err}
 * for a tee that keeps every line and still writes it to the original stream.
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.start()) {
 *   nc.publish("denied.subject", "x");
 *   String line = logs.await(l -> l.contains(" WARN ") && l.contains("denied"), Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safety: lines may be written from any thread; {@link #lines()} and {@link #await} are
 * safe to call meanwhile. Captures do not nest: open one at a time per JVM (test classes that use
 * it run their tests one after another, as JUnit does by default).
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original;
  private final List<String> lines = new ArrayList<>(); // guarded by itself

  private LogCapture() {
    this.original = System.err;
    System.setErr(new PrintStream(new LineTee(), true, StandardCharsets.UTF_8));
  }

  /**
   * Starts capturing.
   *
   * @return the capture; close it to restore {@code System.err}
   */
  public static LogCapture start() {
    return new LogCapture();
  }

  /**
   * Returns the lines captured so far.
   *
   * @return a copy, oldest first
   */
  public List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /**
   * Waits until a captured line matches.
   *
   * @param matcher what the line must satisfy
   * @param timeout how long to wait at most
   * @return the first matching line
   * @throws AssertionError with every captured line if none matched in time
   */
  public String await(Predicate<String> matcher, Duration timeout) {
    String[] found = new String[1];
    try {
      Await.until(
          () -> {
            for (String line : lines()) {
              if (matcher.test(line)) {
                found[0] = line;
                return true;
              }
            }
            return false;
          },
          timeout,
          "a matching log line");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; captured: " + lines(), e);
    }
    return found[0];
  }

  /** Restores the original {@code System.err}. */
  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }

  /** Writes through to the original stream and keeps complete lines. */
  private final class LineTee extends OutputStream {
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(); // guarded by this

    @Override
    public synchronized void write(int b) {
      original.write(b);
      if (b == '\n') {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        synchronized (lines) {
          lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
      } else {
        partial.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
