package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.JetStreamOptions.WindowFullPolicy;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishWindowFullException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Async publishing with a bounded window of outstanding acks.
 *
 * <p>All acks of one context arrive on one wildcard inbox, {@code <inbox>.<id in base 36>}, handled
 * by a dispatcher of its own, so an ack costs a map lookup instead of a subscription. Each publish
 * takes a window permit; the ack, a timeout, a lost connection or {@link #close()} gives it back,
 * exactly once, because whoever removes the entry from {@code pending} owns it.
 *
 * <p>No future ever hangs: a connection listener (registered with the first publish, removed by
 * {@link #close()}) fails the outstanding acks of messages written to a socket that was lost (they
 * may or may not be stored) and every one when the connection closes; messages buffered while
 * disconnected are sent after the reconnect and keep waiting for their real acks. While acks are
 * outstanding a tick on the connection's scheduler fails those older than the publish-ack timeout
 * (on the connection's event thread).
 *
 * <p>Thread-safety: {@link #publish} is safe from any thread; acks complete futures on the
 * context's dispatcher thread, a lost connection on the connection's event thread.
 */
public final class AsyncPublisher implements AutoCloseable {
  /**
   * One outstanding ack; {@code seq} is its message's place in the connection's outbound stream.
   */
  private static final class Pending {
    final CompletableFuture<PubAck> future;
    final long deadlineNanos;
    final String subject;
    volatile long seq = Long.MAX_VALUE; // unknown until publish returned: then not lost yet

    Pending(CompletableFuture<PubAck> future, long deadlineNanos, String subject) {
      this.future = future;
      this.deadlineNanos = deadlineNanos;
      this.subject = subject;
    }

    CompletableFuture<PubAck> future() {
      return future;
    }

    long deadlineNanos() {
      return deadlineNanos;
    }

    String subject() {
      return subject;
    }
  }

  private final Connection connection;
  private final JetStreamOptions options;
  private final Semaphore window;
  private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Long> sendOrder = new ConcurrentLinkedQueue<>();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean expiryScheduled = new AtomicBoolean();
  private final ConnectionListener connectionLost = this::onConnectionEvent;
  private final long timeoutNanos;
  private final Duration tick;
  private final boolean counted; // the connection reports which messages went to a lost socket
  private final Object startLock = new Object();
  private volatile String replyPrefix;
  private Dispatcher dispatcher; // guarded by startLock
  private boolean listening; // guarded by startLock
  private volatile boolean closed;

  /**
   * Creates the publisher; nothing is subscribed until the first publish.
   *
   * @param connection the connection
   * @param options window size, policy and ack timeout
   */
  public AsyncPublisher(Connection connection, JetStreamOptions options) {
    this.connection = connection;
    this.options = options;
    this.window = new Semaphore(options.maxOutstandingAcks());
    this.timeoutNanos = options.publishAckTimeout().toNanos();
    long tickMillis = Math.max(10, Math.min(100, options.publishAckTimeout().toMillis() / 4));
    this.tick = Duration.ofMillis(tickMillis);
    this.counted = Internals.supports(connection);
  }

  /**
   * Publishes a message whose ack completes the returned future.
   *
   * @param subject the subject
   * @param headers the headers, or null
   * @param data the payload
   * @return the future ack
   * @throws PublishWindowFullException if the window stays full
   */
  public CompletableFuture<PubAck> publish(String subject, Headers headers, byte[] data) {
    if (closed) {
      throw new JetStreamException("this JetStream context is closed");
    }
    String prefix = start();
    acquire();
    long id = ids.incrementAndGet();
    CompletableFuture<PubAck> future = new CompletableFuture<>();
    Pending entry = new Pending(future, System.nanoTime() + timeoutNanos, subject);
    pending.put(id, entry);
    sendOrder.add(id);
    scheduleExpiry();
    try {
      String replyTo = prefix + Long.toString(id, 36);
      if (counted) {
        entry.seq = Internals.publishCounted(connection, subject, replyTo, headers, data);
      } else {
        connection.publish(subject, replyTo, headers, data);
      }
    } catch (RuntimeException e) {
      if (pending.remove(id) != null) {
        window.release();
      }
      throw e;
    }
    return future;
  }

  /**
   * Returns how many acks are outstanding.
   *
   * @return the count
   */
  public int outstanding() {
    return pending.size();
  }

  /**
   * Waits until every ack outstanding now has completed (acked or failed).
   *
   * @param timeout how long to wait
   * @throws NatsTimeoutException if some are still outstanding after the timeout
   */
  public void waitForOutstanding(Duration timeout) {
    List<CompletableFuture<PubAck>> all = new ArrayList<>();
    for (Pending p : pending.values()) {
      all.add(p.future());
    }
    CompletableFuture<Void> done =
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null);
    try {
      done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JetStreamException("interrupted while waiting for outstanding acks", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new NatsTimeoutException(
          pending.size() + " publish acks still outstanding after " + timeout);
    } catch (java.util.concurrent.ExecutionException e) {
      // allOf(...).exceptionally never completes exceptionally.
      throw new IllegalStateException(e);
    }
  }

  /** Fails every outstanding ack and stops listening for acks. */
  @Override
  public void close() {
    closed = true;
    failAll(new JetStreamException("the JetStream context was closed before the ack arrived"));
    synchronized (startLock) {
      if (listening) {
        connection.removeConnectionListener(connectionLost);
        listening = false;
      }
      if (dispatcher != null) {
        dispatcher.close();
        dispatcher = null;
      }
    }
  }

  private String start() {
    String prefix = replyPrefix;
    if (prefix != null) {
      return prefix;
    }
    synchronized (startLock) {
      if (replyPrefix == null) {
        String inbox = connection.createInbox() + ".";
        dispatcher = connection.createDispatcher("nats4j-jetstream-acks");
        // acks end the JetStream publish's observation: they are no delivery of their own
        Internals.unobserved(dispatcher.subscribe(inbox + "*", this::onAck));
        connection.addConnectionListener(connectionLost);
        listening = true;
        replyPrefix = inbox;
      }
      return replyPrefix;
    }
  }

  private void acquire() {
    boolean acquired;
    if (options.windowFullPolicy() == WindowFullPolicy.FAIL) {
      acquired = window.tryAcquire();
    } else {
      try {
        acquired = window.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new JetStreamException("interrupted while waiting for a publish window slot", e);
      }
    }
    if (!acquired) {
      throw new PublishWindowFullException(
          "the window of "
              + options.maxOutstandingAcks()
              + " outstanding publish acks is full"
              + (options.windowFullPolicy() == WindowFullPolicy.BLOCK
                  ? " and no ack arrived within " + options.publishAckTimeout()
                  : "")
              + "; nothing was sent, wait for acks and publish again");
    }
  }

  private void onAck(Message msg) {
    String subject = msg.subject();
    String prefix = replyPrefix;
    long id;
    try {
      id = Long.parseLong(subject, prefix.length(), subject.length(), 36);
    } catch (RuntimeException e) {
      return;
    }
    Pending p = pending.remove(id);
    if (p == null) {
      return;
    }
    window.release();
    try {
      p.future().complete(Responses.pubAck(p.subject(), msg));
    } catch (RuntimeException e) {
      p.future().completeExceptionally(e);
    }
  }

  /** Runs on the connection's event thread. */
  private void onConnectionEvent(ConnectionEvent event) {
    if (event instanceof ConnectionEvent.Disconnected lost) {
      // only what was written to a lost socket: messages buffered during the outage go to the
      // next server and get their real acks (failing them would make a retry store them twice)
      long lostUpTo = counted ? Internals.lostUpTo(connection) : Long.MAX_VALUE;
      failWhere(
          p -> p.seq <= lostUpTo,
          new JetStreamException(
              "the connection was lost before the publish ack arrived; the message may or may not"
                  + " be stored: publish it again with the same message id to be safe",
              lost.cause()));
    } else if (event instanceof ConnectionEvent.Closed) {
      failAll(
          new JetStreamException(
              "the connection was closed before the publish ack arrived; the message may or may"
                  + " not be stored"));
    }
  }

  private void scheduleExpiry() {
    if (expiryScheduled.compareAndSet(false, true)) {
      if (counted) {
        // the connection's scheduler only decides; the futures fail on the event thread
        Internals.scheduler(connection)
            .schedule(tick, () -> Internals.events(connection).execute(this::expiryTick));
      } else {
        CompletableFuture.delayedExecutor(tick.toNanos(), TimeUnit.NANOSECONDS)
            .execute(this::expiryTick);
      }
    }
  }

  private void expiryTick() {
    try {
      expire(System.nanoTime());
    } finally {
      expiryScheduled.set(false);
      if (!pending.isEmpty()) {
        scheduleExpiry();
      }
    }
  }

  private void expire(long now) {
    Long head;
    while ((head = sendOrder.peek()) != null) {
      Pending p = pending.get(head);
      if (p == null) {
        sendOrder.poll();
        continue;
      }
      if (now - p.deadlineNanos() < 0) {
        return;
      }
      sendOrder.poll();
      if (pending.remove(head) != null) {
        window.release();
        p.future()
            .completeExceptionally(
                new NatsTimeoutException(
                    "no publish ack for "
                        + p.subject()
                        + " within "
                        + options.publishAckTimeout()
                        + "; the message may or may not be stored"));
      }
    }
  }

  private void failAll(RuntimeException cause) {
    failWhere(p -> true, cause);
  }

  private void failWhere(Predicate<Pending> which, RuntimeException cause) {
    for (Long id : new ArrayList<>(pending.keySet())) {
      Pending p = pending.get(id);
      if (p != null && which.test(p) && pending.remove(id, p)) {
        window.release();
        p.future().completeExceptionally(cause);
      }
    }
  }
}
