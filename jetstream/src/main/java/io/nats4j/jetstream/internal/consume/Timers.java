package io.nats4j.jetstream.internal.consume;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The seam for consumer timers (heartbeat checks, retries). Today tasks run on the JDK's delay
 * scheduler thread (the one {@link CompletableFuture#delayedExecutor} uses, also used by the
 * client's keep-alive backstop); they must be short and never block. When the connection gets its
 * own scheduler, only this class changes.
 */
public final class Timers {
  private Timers() {}

  /** A scheduled task that can be cancelled. */
  public interface Task {
    /** Cancels the task if it has not run yet. */
    void cancel();
  }

  /**
   * Runs a task once after a delay.
   *
   * @param delay the delay
   * @param task short and non-blocking
   * @return the handle
   */
  public static Task schedule(Duration delay, Runnable task) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (!f.isDone()) {
                f.complete(null);
                task.run();
              }
            });
    return () -> f.cancel(false);
  }
}
