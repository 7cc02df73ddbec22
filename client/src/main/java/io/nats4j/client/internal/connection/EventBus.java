package io.nats4j.client.internal.connection;

import io.nats4j.client.internal.threads.ThreadSource;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listener callbacks and user-visible future completions one at a time, in the order they were
 * posted, on the user's callback executor or on a library thread created on first use and ended
 * after 10 s without events (the next event starts a new one).
 *
 * <p>Thread-safety: {@link #post} is safe from any thread (the reader posts and never waits).
 */
final class EventBus {
  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private static final long IDLE_SECONDS = 10;

  private final Executor userExecutor;
  private final String threadName;
  private final ThreadSource threads;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private ExecutorService own; // guarded by tasks
  private Thread ownThread; // guarded by tasks
  private boolean scheduled; // guarded by tasks
  private boolean closed; // guarded by tasks

  EventBus(Executor userExecutor, ThreadSource threads, String threadName) {
    this.userExecutor = userExecutor;
    this.threads = threads;
    this.threadName = threadName;
  }

  void post(Runnable task) {
    Executor executor;
    synchronized (tasks) {
      tasks.addLast(task);
      if (scheduled) {
        return;
      }
      scheduled = true;
      executor = executor();
    }
    try {
      executor.execute(this::runTasks);
    } catch (RejectedExecutionException e) {
      // after close (or a user executor that was shut down): run here rather than lose it
      runTasks();
    }
  }

  private Executor executor() {
    if (userExecutor != null) {
      return userExecutor;
    }
    if (own == null) {
      // one thread at most, ended after a while without events: an idle connection keeps none
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              1,
              1,
              IDLE_SECONDS,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              r -> {
                Thread t = threads.newThread(threadName, r);
                synchronized (tasks) {
                  ownThread = t;
                }
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
      own = pool;
    }
    return own;
  }

  private void runTasks() {
    while (true) {
      Runnable task;
      synchronized (tasks) {
        task = tasks.pollFirst();
        if (task == null) {
          scheduled = false;
          return;
        }
      }
      try {
        task.run();
      } catch (Throwable t) {
        LOG.warn("a nats4j listener or callback threw", t);
      }
    }
  }

  /** Lets the posted tasks run, then stops the library thread (if any) and waits for it. */
  void close() {
    ExecutorService executor;
    Thread thread;
    synchronized (tasks) {
      closed = true;
      executor = own;
      thread = ownThread;
    }
    if (executor == null) {
      return;
    }
    executor.shutdown();
    if (Thread.currentThread() != thread) {
      try {
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("a nats4j listener is still running 10 s after close");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
