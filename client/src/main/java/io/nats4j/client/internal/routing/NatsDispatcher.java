package io.nats4j.client.internal.routing;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.MessageObserver.Observation;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.connection.WakeDeferral;
import io.nats4j.client.internal.spi.Observations;
import io.nats4j.client.internal.threads.ThreadSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dispatcher: takes batches from its queue and runs each message's handler, either on a thread of
 * its own or, with a dispatcher executor in the options, as tasks on that executor (a task handles
 * up to four batches, then yields the executor thread and is submitted again). Its own thread ends
 * after {@link #IDLE_MILLIS} without messages; the reader starts a new one with the next message
 * (through the queue's hook, checked only when no consumer runs), so an idle dispatcher holds no
 * thread and one thread at a time still runs its handlers, in order.
 *
 * <p>Thread-safety: safe from any thread. One thread or one task at a time runs handlers, so
 * handlers of one dispatcher never run concurrently and see messages in order.
 */
public final class NatsDispatcher implements Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NatsDispatcher.class);
  private static final int BATCH = 256;

  /** A dispatcher thread without messages for this long ends; the next message starts another. */
  static final long IDLE_MILLIS = 10_000;

  private final String name;
  private final boolean isDefault;
  private final Router router;
  private final MessageQueue queue = new MessageQueue();
  private final Set<NatsSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ThreadSource threads;
  private final String threadName;
  private volatile Thread thread; // the current one (a new one after idle); null with an executor
  private final Executor executor; // null when it has a thread of its own
  private final AtomicReference<Thread> running = new AtomicReference<>(); // executor: the task's
  private final List<IncomingMessage> taskBatch = new ArrayList<>(BATCH); // one task at a time
  private final Consumer<NatsDispatcher> onStopped;
  private final MessageObserver observer; // null when none: handle() checks it once a message
  private final Connection connection; // for the observer
  private volatile boolean closed;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  /**
   * Creates and starts a dispatcher.
   *
   * @param name the name
   * @param threadName the thread name
   * @param threads where the thread comes from
   * @param executor runs the handlers instead of a thread of its own, or null
   * @param isDefault whether this is the connection's shared dispatcher
   * @param router creates the subscriptions
   * @param onStopped runs once when the thread has been told to stop (the owner forgets it)
   * @param observer sees each handler call, or null
   * @param connection the connection, as the observer is told
   */
  public NatsDispatcher(
      String name,
      String threadName,
      ThreadSource threads,
      Executor executor,
      boolean isDefault,
      Router router,
      Consumer<NatsDispatcher> onStopped,
      MessageObserver observer,
      Connection connection) {
    this.name = name;
    this.observer = observer;
    this.connection = connection;
    this.isDefault = isDefault;
    this.router = router;
    this.onStopped = onStopped;
    this.executor = executor;
    this.threads = threads;
    this.threadName = threadName;
    if (executor == null) {
      startThread();
    } else {
      this.thread = null;
      queue.driveTask(this::submit);
    }
  }

  MessageQueue queue() {
    return queue;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Subscription subscribe(String subject, MessageHandler handler) {
    return subscribe(subject, null, handler);
  }

  @Override
  public Subscription subscribe(String subject, String queueGroup, MessageHandler handler) {
    if (handler == null) {
      throw new IllegalArgumentException("handler must not be null");
    }
    if (closed) {
      throw new ConnectionClosedException("dispatcher " + name + " is closed");
    }
    NatsSubscription sub = router.subscribe(subject, queueGroup, handler, this);
    subscriptions.add(sub);
    return sub;
  }

  /**
   * Starts the dispatcher's thread: at creation, and again (from the reader, or from close) with
   * the first message after the previous thread ended idle, so an idle dispatcher holds no thread.
   */
  private void startThread() {
    try {
      Thread t = threads.newThread(threadName, this::run);
      thread = t;
      t.start();
    } catch (RuntimeException | Error e) {
      LOG.error("dispatcher {} could not start its thread: its messages are not handled", name, e);
      terminated.complete(null);
    }
  }

  private void run() {
    List<IncomingMessage> batch = new ArrayList<>(BATCH);
    boolean retired = false;
    try {
      while (true) {
        queue.nextBatch(batch, BATCH, IDLE_MILLIS);
        if (batch.isEmpty()) {
          if (closed) {
            return;
          }
          // idle: end unless messages came meanwhile; the queue starts a new thread for the next
          if (queue.retire(this::startThread)) {
            retired = true;
            return;
          }
          continue;
        }
        handle(batch);
      }
    } catch (InterruptedException e) {
      // close() interrupts only a thread that did not stop by itself
    } finally {
      if (!retired) {
        terminated.complete(null);
      }
    }
  }

  private void handle(List<IncomingMessage> batch) {
    // what the handlers publish (acks, replies) goes out in one write at the end of the batch
    WakeDeferral.hold();
    try {
      for (int i = 0, n = batch.size(); i < n; i++) {
        IncomingMessage m = batch.get(i);
        NatsSubscription sub = m.subscriptionImpl();
        if (!sub.accepts()) {
          continue;
        }
        if (observer == null || !sub.observed()) {
          try {
            sub.handler().onMessage(m);
          } catch (Throwable t) {
            LOG.warn("message handler of {} on dispatcher {} threw", sub, name, t);
          }
        } else {
          handleObserved(sub, m);
        }
      }
    } finally {
      WakeDeferral.release();
    }
  }

  private void handleObserved(NatsSubscription sub, IncomingMessage m) {
    Observation o =
        Observations.start(
            observer, ObservedDelivery.handler(connection, sub.subject(), sub.queue(), m));
    Throwable failure = null;
    try {
      sub.handler().onMessage(m);
    } catch (Throwable t) {
      failure = t;
      LOG.warn("message handler of {} on dispatcher {} threw", sub, name, t);
    }
    Observations.end(o, failure);
  }

  /** Executor-backed: schedules a task (the queue's hook, or a task yielding its thread). */
  private void submit() {
    try {
      executor.execute(this::runSlice);
    } catch (RejectedExecutionException e) {
      LOG.error(
          "the dispatcher executor rejected dispatcher {}: its messages are not handled", name, e);
      terminated.complete(null);
    }
  }

  /** Executor-backed: handles up to four batches, then yields; ends when closed and empty. */
  private void runSlice() {
    Thread self = Thread.currentThread();
    running.set(self);
    try {
      for (int round = 0; round < 4; round++) {
        if (!queue.takeBatch(taskBatch, BATCH)) {
          terminated.complete(null);
          return;
        }
        if (taskBatch.isEmpty()) {
          return; // the queue's hook is armed again: the next message submits a task
        }
        handle(taskBatch);
      }
    } finally {
      running.compareAndSet(self, null);
    }
    submit(); // more may be queued: let the executor's other tasks run first
  }

  @Override
  public CompletableFuture<Void> drain(Duration timeout) {
    CompletableFuture<?>[] drains =
        subscriptions.stream().map(s -> s.drain(timeout)).toArray(CompletableFuture[]::new);
    CompletableFuture<Void> result = new CompletableFuture<>();
    // no join here: the last drain may complete on the reader or the event thread, which must not
    // wait for this dispatcher; the result completes when the dispatcher thread has ended
    CompletableFuture.allOf(drains)
        .whenComplete(
            (ok, error) -> {
              requestStop();
              terminated.whenComplete(
                  (x, y) -> {
                    if (error == null) {
                      result.complete(null);
                    } else {
                      result.completeExceptionally(
                          error instanceof CompletionException && error.getCause() != null
                              ? error.getCause()
                              : error);
                    }
                  });
            });
    return result;
  }

  @Override
  public void close() {
    if (isDefault) {
      throw new IllegalStateException("the default dispatcher closes with its connection");
    }
    shutdown();
  }

  /** Unsubscribes everything and stops the thread (also used for the default one on close). */
  public void shutdown() {
    closed = true;
    for (NatsSubscription sub : subscriptions) {
      sub.unsubscribe();
    }
    stopThread();
  }

  /** Stops the thread after the queue is empty, without unsubscribing (connection closed). */
  public void stopThread() {
    requestStop();
    if (executor != null) {
      if (running.get() != Thread.currentThread()) {
        try {
          terminated.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
          LOG.warn("dispatcher {} still runs a handler 5 s after close", name);
        }
      }
      return;
    }
    Thread t = thread; // closing the queue started a new one if the last ended idle
    if (t != null && Thread.currentThread() != t) {
      try {
        t.join(5_000);
        if (t.isAlive()) {
          t.interrupt();
          t.join(1_000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Tells the thread to end once the queue is empty; does not wait. */
  private void requestStop() {
    closed = true;
    queue.close();
    if (stopped.compareAndSet(false, true)) {
      onStopped.accept(this);
    }
  }

  /**
   * Returns the subscriptions.
   *
   * @return the subscriptions of this dispatcher
   */
  public Set<NatsSubscription> subscriptions() {
    return subscriptions;
  }

  @Override
  public String toString() {
    return "Dispatcher[" + name + "]";
  }
}
