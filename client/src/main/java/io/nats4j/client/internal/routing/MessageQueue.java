package io.nats4j.client.internal.routing;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pending queue between the reader thread (producer) and a consumer (a sync subscription's
 * {@code next} callers, or a dispatcher thread). Also the lock that guards the pending counters of
 * every subscription it holds messages for.
 *
 * <p>Thread-safety: all methods are safe from any thread. The producer signals only when a consumer
 * is parked, so a busy consumer costs the reader one uncontended lock per message and no wake-up; a
 * dispatcher takes whole batches per lock.
 */
public final class MessageQueue {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<IncomingMessage> queue = new ArrayDeque<>();
  private int waiters;
  private boolean closed;
  private Runnable onReady; // executor-backed dispatcher: schedules its task; set once
  private boolean armed; // guarded by lock: onReady runs at the next offer (or close)

  /**
   * Queues a batch of messages (all routed to subscriptions of this queue) under one lock.
   *
   * @param batch the messages; left untouched
   * @param newlySlow receives subscriptions whose slow-consumer episode starts now
   * @return how many messages were dropped
   */
  public int offerAll(List<IncomingMessage> batch, List<NatsSubscription> newlySlow) {
    int dropped = 0;
    Runnable ready = null;
    lock.lock();
    try {
      for (int i = 0, n = batch.size(); i < n; i++) {
        IncomingMessage message = batch.get(i);
        NatsSubscription sub = message.subscriptionImpl();
        int size = message.size();
        if (closed) {
          dropped++;
        } else if (sub.overLimits(size)) {
          dropped++;
          sub.dropped++;
          if (!sub.slow) {
            sub.slow = true;
            newlySlow.add(sub);
          }
        } else {
          sub.pendingMessages++;
          sub.pendingBytes += size;
          queue.addLast(message);
        }
      }
      if (waiters > 0 && !queue.isEmpty()) {
        notEmpty.signal();
      }
      if (armed && !queue.isEmpty()) {
        armed = false;
        ready = onReady;
      }
    } finally {
      lock.unlock();
    }
    if (ready != null) {
      ready.run();
    }
    return dropped;
  }

  /**
   * Makes this queue drive a task instead of a waiting thread: {@code onReady} runs (on the thread
   * that offers, outside the lock) when messages arrive while the hook is armed, and once on close.
   * Armed at first; {@link #takeBatch} arms it again when it finds the queue empty.
   *
   * @param onReady schedules the consumer's task; must not block
   */
  public void driveTask(Runnable onReady) {
    lock.lock();
    try {
      this.onReady = onReady;
      this.armed = true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets a dispatcher thread that found the queue empty end (it was idle): if the queue is still
   * empty and open, arms {@code onReady} to start a new consumer with the next message (or on
   * close), exactly as {@link #driveTask} does; the producer already checks that flag under its
   * lock, so a consumer that may end costs the hot path nothing.
   *
   * @param onReady starts a new consumer thread; must not block
   * @return true if the caller may end; false if messages came or the queue closed meanwhile
   */
  public boolean retire(Runnable onReady) {
    lock.lock();
    try {
      if (!queue.isEmpty() || closed) {
        return false;
      }
      this.onReady = onReady;
      this.armed = true;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Releases the previous batch and takes the next one without waiting (executor-backed
   * dispatchers). Finding the queue empty and open arms the {@link #driveTask} hook, under the
   * lock, so no message is left without a task to handle it.
   *
   * @param batch in: the handled batch; out: the next one, empty if there is none
   * @param max the most messages to take
   * @return false when the queue is closed and empty: the consumer is done
   */
  public boolean takeBatch(List<IncomingMessage> batch, int max) {
    lock.lock();
    try {
      for (int i = 0, n = batch.size(); i < n; i++) {
        IncomingMessage m = batch.get(i);
        m.subscriptionImpl().released(m.size());
      }
      batch.clear();
      if (queue.isEmpty()) {
        if (closed) {
          return false;
        }
        armed = true;
        return true;
      }
      for (int i = 0; i < max && !queue.isEmpty(); i++) {
        batch.add(queue.pollFirst());
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes one message (sync subscriptions).
   *
   * @param timeoutNanos how long to wait
   * @return the message, or null on timeout or when closed and empty
   * @throws InterruptedException if interrupted while waiting
   */
  public IncomingMessage poll(long timeoutNanos) throws InterruptedException {
    long nanos = timeoutNanos;
    lock.lockInterruptibly();
    try {
      while (queue.isEmpty()) {
        if (closed || nanos <= 0) {
          return null;
        }
        waiters++;
        try {
          nanos = notEmpty.awaitNanos(nanos);
        } finally {
          waiters--;
        }
      }
      IncomingMessage m = queue.pollFirst();
      m.subscriptionImpl().released(m.size());
      return m;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Releases the messages of the previous batch (they were handled), then waits for and takes the
   * next batch (dispatchers).
   *
   * @param batch in: the handled batch; out: the next batch (empty when closed or timed out)
   * @param max the most messages to take
   * @param timeoutMillis how long to wait for a message
   * @throws InterruptedException if interrupted while waiting
   */
  public void nextBatch(List<IncomingMessage> batch, int max, long timeoutMillis)
      throws InterruptedException {
    lock.lockInterruptibly();
    try {
      for (int i = 0, n = batch.size(); i < n; i++) {
        IncomingMessage m = batch.get(i);
        m.subscriptionImpl().released(m.size());
      }
      batch.clear();
      long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (queue.isEmpty()) {
        if (closed || nanos <= 0) {
          return;
        }
        waiters++;
        try {
          nanos = notEmpty.awaitNanos(nanos);
        } finally {
          waiters--;
        }
      }
      for (int i = 0; i < max && !queue.isEmpty(); i++) {
        batch.add(queue.pollFirst());
      }
    } finally {
      lock.unlock();
    }
  }

  /** Closes: producers drop, consumers wake and see the rest of the queue, then nothing. */
  public void close() {
    Runnable ready = null;
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      if (armed) {
        armed = false;
        ready = onReady; // the task sees closed and empty, and ends
      }
    } finally {
      lock.unlock();
    }
    if (ready != null) {
      ready.run();
    }
  }

  /**
   * Discards queued messages of one subscription (after {@code unsubscribe()}).
   *
   * @param sub the subscription
   */
  public void discard(NatsSubscription sub) {
    lock.lock();
    try {
      queue.removeIf(
          m -> {
            if (m.subscriptionImpl() == sub) {
              sub.released(m.size());
              return true;
            }
            return false;
          });
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs an action under this queue's lock (reading or changing pending counters).
   *
   * @param action the action
   */
  void locked(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }
}
