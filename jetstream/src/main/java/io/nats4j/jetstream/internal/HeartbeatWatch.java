package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Detects missed idle heartbeats of a consumer (ADR-9): the server sends one at every interval in
 * which it delivered nothing, so two intervals without any message mean the server or the route to
 * it is gone. A check runs every interval on {@link ConsumerTimers} (the connection's scheduler),
 * the report goes to the connection's events thread; reading a message calls {@link #activity()}
 * (one volatile write). Messages that arrived but still wait in the subscription's queue (a slow
 * handler, a caller that does not read) count as activity, so a busy consumer is never reported.
 *
 * <p>A missed episode is reported once; the next report needs activity first. The watch is paused
 * while the connection is disconnected (nothing can arrive then) and restarts its clock on resume.
 *
 * <p>Thread-safety: all methods are safe from any thread.
 */
public final class HeartbeatWatch {
  /** Intervals without a message after which heartbeats count as missed. */
  public static final int MISSED_INTERVALS = 2;

  /** What the watch reports. */
  public interface Listener {
    /**
     * Called on the connection's events thread (must not block), never on a timer thread, when
     * nothing arrived for {@link #MISSED_INTERVALS} intervals.
     *
     * @param silence how long nothing arrived
     */
    void heartbeatsMissed(Duration silence);
  }

  private final Connection connection;
  private final long thresholdNanos;
  private final LongSupplier queued;
  private final Listener listener;
  private final ConsumerTimers.Periodic timer;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean paused;
  private volatile boolean reported;
  private volatile boolean stopped;

  /**
   * Starts watching.
   *
   * @param connection whose scheduler runs the checks and whose events thread gets the reports
   * @param interval the consumer's idle heartbeat interval
   * @param queued how many messages wait unread in the subscription
   * @param listener told about missed heartbeats
   */
  public HeartbeatWatch(
      Connection connection, Duration interval, LongSupplier queued, Listener listener) {
    this.connection = connection;
    this.thresholdNanos = interval.toNanos() * MISSED_INTERVALS;
    this.queued = queued;
    this.listener = listener;
    this.timer = ConsumerTimers.every(connection, interval, this::check);
  }

  /** Records that a message (data or status) arrived. */
  public void activity() {
    lastActivity = System.nanoTime();
    if (reported) {
      reported = false;
    }
  }

  /** Stops checking until {@link #resume()} (the connection is down). */
  public void pause() {
    paused = true;
  }

  /** Checks again, counting the silence from now (the connection is back). */
  public void resume() {
    lastActivity = System.nanoTime();
    reported = false;
    paused = false;
  }

  /** Stops the watch for good. */
  public void stop() {
    stopped = true;
    timer.cancel();
  }

  private void check() {
    if (paused || reported) {
      return;
    }
    long silence = System.nanoTime() - lastActivity;
    if (silence < thresholdNanos) {
      return;
    }
    if (queued.getAsLong() > 0) {
      lastActivity = System.nanoTime();
      return;
    }
    reported = true;
    Duration missed = Duration.ofNanos(silence);
    // the listener calls user code: never on the scheduler
    ConsumerTimers.onEvents(
        connection,
        () -> {
          if (!stopped) {
            listener.heartbeatsMissed(missed);
          }
        });
  }
}
