package io.nats4j.client.internal.reconnect;

import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.threads.ThreadSource;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Reconnector} on a library thread of its own, one run at a time, and stops it on
 * request: {@link #cancel} breaks a backoff wait at once.
 *
 * <p>Thread-safety: {@link #start} and {@link #cancel} are safe from any thread.
 */
public final class ReconnectWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ReconnectWorker.class);

  private final Reconnector reconnector;
  private final String threadName;
  private final ThreadSource threads;
  private Thread thread; // guarded by this
  private Cancellation cancellation; // guarded by this

  /**
   * Creates a worker.
   *
   * @param reconnector the loop to run
   * @param threadName the name of the thread it runs on
   * @param threads where the thread comes from
   */
  public ReconnectWorker(Reconnector reconnector, String threadName, ThreadSource threads) {
    this.reconnector = reconnector;
    this.threadName = threadName;
    this.threads = threads;
  }

  /**
   * Starts a run on a new thread. The caller starts one run per outage (the connection does so on
   * its one CONNECTED → RECONNECTING transition); the thread of the previous run may still be
   * finishing its outcome, which is why this does not wait for it.
   *
   * @param connector opens sessions
   * @param maxAttempts attempts per server, -1 for no limit
   * @param lastInfo the most recent INFO, for the server chooser
   * @param prelude runs first on the worker thread (closing and joining the lost transport)
   * @param done receives the outcome on the worker thread
   * @param <S> the session type
   */
  public synchronized <S> void start(
      Reconnector.Connector<S> connector,
      int maxAttempts,
      Supplier<ServerInfo> lastInfo,
      Runnable prelude,
      Consumer<Reconnector.Outcome<S>> done) {
    Cancellation c = new Cancellation();
    Thread t =
        threads.newThread(
            threadName,
            () -> {
              Reconnector.Outcome<S> outcome;
              try {
                prelude.run();
                outcome = reconnector.run(connector, maxAttempts, c, lastInfo);
              } catch (RuntimeException | Error e) {
                LOG.warn("the reconnect loop failed", e);
                outcome = new Reconnector.GaveUp<>(e, 0);
              }
              done.accept(outcome);
            });
    cancellation = c;
    thread = t;
    t.start();
  }

  /**
   * Cancels the current run, if any.
   *
   * @param joinMillis how long to wait for the worker thread to end; 0 not to wait
   */
  public void cancel(long joinMillis) {
    Thread t;
    synchronized (this) {
      if (cancellation != null) {
        cancellation.cancel();
      }
      t = thread;
    }
    if (joinMillis > 0 && t != null) {
      join(t, joinMillis);
    }
  }

  /**
   * Returns the worker thread of the latest run.
   *
   * @return the thread, or null if never started
   */
  public synchronized Thread thread() {
    return thread;
  }

  private static void join(Thread t, long millis) {
    if (t == null || t == Thread.currentThread()) {
      return;
    }
    try {
      t.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
