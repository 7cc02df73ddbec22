package io.nats4j.client.internal.routing;

import io.nats4j.client.AuthorizationException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One subscription, sync (own {@link MessageQueue}) or async (its dispatcher's queue and a
 * handler).
 *
 * <p>Thread-safety: safe from any thread. Ownership of the fields: {@code delivered} and {@code
 * max} are written by the reader thread; pending counters, {@code dropped}, {@code slow} and drain
 * completion are guarded by the queue's lock; the lifecycle flags are volatile and only move
 * forward (active → incoming done → finished).
 */
public final class NatsSubscription implements Subscription {
  private final long sid;
  private final String subject;
  private final String queueGroup;
  private final MessageQueue queue;
  private final MessageHandler handler;
  private volatile boolean observed = true;
  private final NatsDispatcher dispatcher;
  private final SubscriptionTable table;
  private final RoutingHost host;

  private volatile long maxPendingMessages;
  private volatile long maxPendingBytes;

  // guarded by queue's lock
  long pendingMessages;
  long pendingBytes;
  long dropped;
  boolean slow;
  private boolean drainCompleted;

  // written by the reader thread only
  private volatile long delivered;
  private volatile long max;

  private volatile boolean incomingDone;
  private volatile boolean discarded;
  private volatile boolean leaving; // drain() started: a reconnect must not send its SUB again
  private volatile NatsException failure;
  private volatile CompletableFuture<Void> drainFuture;
  private volatile ErrorListener errorListener;

  NatsSubscription(
      long sid,
      String subject,
      String queueGroup,
      MessageQueue queue,
      MessageHandler handler,
      NatsDispatcher dispatcher,
      SubscriptionTable table,
      RoutingHost host,
      long maxPendingMessages,
      long maxPendingBytes) {
    this.sid = sid;
    this.subject = subject;
    this.queueGroup = queueGroup;
    this.queue = queue;
    this.handler = handler;
    this.dispatcher = dispatcher;
    this.table = table;
    this.host = host;
    this.maxPendingMessages = maxPendingMessages;
    this.maxPendingBytes = maxPendingBytes;
  }

  /**
   * Returns the subscription id.
   *
   * @return the sid used on the wire
   */
  public long sid() {
    return sid;
  }

  @Override
  public String subject() {
    return subject;
  }

  @Override
  public String queue() {
    return queueGroup;
  }

  /**
   * Returns the auto-unsubscribe limit.
   *
   * @return the total messages after which interest stops, or 0
   */
  public long max() {
    return max;
  }

  MessageHandler handler() {
    return handler;
  }

  /**
   * Tells whether the connection's message observer sees this subscription's handler calls: no for
   * those a sibling module observes itself (a JetStream consume sees its handler calls, not the raw
   * messages).
   *
   * @return true unless {@link #unobserved()} was called
   */
  public boolean observed() {
    return observed;
  }

  /** Hides this subscription's handler calls from the connection's message observer. */
  public void unobserved() {
    observed = false;
  }

  /** {@link #admit()} result: deliver it. */
  static final int ACCEPT = 0;

  /** {@link #admit()} result: deliver it; it is the last one (auto-unsubscribe reached). */
  static final int ACCEPT_LAST = 1;

  /** {@link #admit()} result: drop it (unsubscribed, or over the auto-unsubscribe limit). */
  static final int REJECT = 2;

  /**
   * Counts one routed message (reader thread only) and decides whether it is delivered.
   *
   * @return {@link #ACCEPT}, {@link #ACCEPT_LAST} or {@link #REJECT}
   */
  int admit() {
    long n = delivered + 1;
    delivered = n;
    long limit = max;
    if (discarded || (limit > 0 && n > limit)) {
      return REJECT;
    }
    return limit > 0 && n == limit ? ACCEPT_LAST : ACCEPT;
  }

  /** The auto-unsubscribe limit was reached: stop routing (after the last message was queued). */
  void reachedMax() {
    table.remove(this);
    markIncomingDone();
    forgetInDispatcher();
  }

  private void forgetInDispatcher() {
    if (dispatcher != null) {
      dispatcher.subscriptions().remove(this);
    }
  }

  /**
   * Returns how many messages remain before auto-unsubscribe, for resubscribing after a reconnect.
   *
   * @return the remaining count, 0 when there is no limit
   */
  public long remainingBeforeMax() {
    long limit = max;
    return limit <= 0 ? 0 : Math.max(1, limit - delivered);
  }

  /**
   * Tells whether a reconnect should send this subscription's SUB again.
   *
   * @return false once {@code drain()} has started
   */
  boolean resubscribes() {
    return !leaving;
  }

  MessageQueue pendingQueue() {
    return queue;
  }

  boolean overLimits(int size) {
    long maxMsgs = maxPendingMessages;
    long maxBytes = maxPendingBytes;
    return (maxMsgs > 0 && pendingMessages + 1 > maxMsgs)
        || (maxBytes > 0 && pendingBytes + size > maxBytes);
  }

  /** A message for this subscription was malformed and dropped (reader thread). */
  void malformed() {
    queue.locked(() -> dropped++);
  }

  /**
   * Called under the queue lock when a message was taken or handled. A slow-consumer episode ends
   * only when the backlog fell to half the limits (hysteresis): under sustained overload every
   * freed slot is taken by the next message and dropping goes on, which is one episode, not one per
   * slot.
   */
  void released(int size) {
    pendingMessages--;
    pendingBytes -= size;
    if (slow) {
      long maxMsgs = maxPendingMessages;
      long maxBytes = maxPendingBytes;
      if ((maxMsgs <= 0 || pendingMessages <= maxMsgs / 2)
          && (maxBytes <= 0 || pendingBytes <= maxBytes / 2)) {
        slow = false;
      }
    }
    checkDrainCompleted();
  }

  private void checkDrainCompleted() {
    CompletableFuture<Void> f = drainFuture;
    if (f != null && incomingDone && pendingMessages == 0 && !drainCompleted) {
      drainCompleted = true;
      forgetInDispatcher();
      host.runOnEventThread(() -> f.complete(null));
    }
  }

  /** No more messages will be routed here (auto-unsubscribe reached, drained, closed). */
  void markIncomingDone() {
    incomingDone = true;
    queue.locked(this::checkDrainCompleted);
    if (dispatcher == null) {
      queue.close();
    }
  }

  /**
   * Ends the subscription because the server denied it or the connection closed.
   *
   * @param cause what {@link #next} throws from now on
   */
  public void fail(NatsException cause) {
    failure = cause;
    table.remove(this);
    markIncomingDone();
    forgetInDispatcher();
    CompletableFuture<Void> f = drainFuture;
    if (f != null) {
      host.runOnEventThread(() -> f.completeExceptionally(cause));
    }
  }

  @Override
  public Message next(Duration timeout) {
    if (handler != null) {
      throw new IllegalStateException(
          "next() is for synchronous subscriptions; this one delivers to a MessageHandler");
    }
    IncomingMessage m;
    try {
      m = queue.poll(timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while waiting for a message on " + subject, e);
    }
    if (m != null) {
      return m;
    }
    NatsException f = failure;
    if (f instanceof AuthorizationException) {
      throw new AuthorizationException(f.getMessage(), f.getCause()); // this thread's stack
    }
    if (incomingDone || discarded) {
      if (f instanceof ConnectionClosedException) {
        throw new ConnectionClosedException(f.getMessage(), f.getCause());
      }
      throw new IllegalStateException("subscription to " + subject + " is no longer active");
    }
    throw new NatsTimeoutException(
        "no message on " + subject + " within " + timeout.toMillis() + " ms");
  }

  @Override
  public Optional<Message> poll(Duration timeout) {
    if (handler != null) {
      throw new IllegalStateException(
          "poll() is for synchronous subscriptions; this one delivers to a MessageHandler");
    }
    try {
      return Optional.ofNullable(queue.poll(timeout.toNanos()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while waiting for a message on " + subject, e);
    }
  }

  @Override
  public void setErrorListener(ErrorListener listener) {
    this.errorListener = listener;
  }

  /**
   * Returns the listener for this subscription's errors.
   *
   * @return the listener, or null
   */
  public ErrorListener errorListener() {
    return errorListener;
  }

  @Override
  public boolean isActive() {
    if (discarded || failure != null) {
      return false;
    }
    if (!incomingDone) {
      return true;
    }
    long[] pending = new long[1];
    queue.locked(() -> pending[0] = pendingMessages);
    return pending[0] > 0;
  }

  @Override
  public void unsubscribe() {
    if (discarded) {
      return;
    }
    discarded = true;
    boolean wasRouted = table.remove(this);
    if (wasRouted) {
      host.sendUnsubscribe(sid, 0);
    }
    markIncomingDone();
    queue.discard(this);
    forgetInDispatcher();
  }

  @Override
  public void unsubscribe(int afterMessages) {
    if (afterMessages < 1) {
      throw new IllegalArgumentException("afterMessages must be at least 1, was " + afterMessages);
    }
    if (incomingDone) {
      return;
    }
    max = afterMessages;
    host.sendUnsubscribe(sid, afterMessages);
    if (delivered >= afterMessages) {
      table.remove(this);
      markIncomingDone();
    }
  }

  @Override
  public CompletableFuture<Void> drain(Duration timeout) {
    CompletableFuture<Void> f;
    synchronized (this) {
      if (drainFuture != null) {
        return drainFuture;
      }
      f = new CompletableFuture<>();
      drainFuture = f;
    }
    failAfter(host, f, timeout, "draining the subscription to " + subject);
    if (incomingDone) {
      queue.locked(this::checkDrainCompleted);
      return f;
    }
    leaving = true; // before the UNSUB is decided: a preamble built after this skips the SUB
    if (!host.sendUnsubscribe(sid, 0)) {
      // no transport: the server that knew the subscription is gone and the next one will not
      // learn it, so nothing more can arrive; what is queued is still delivered
      table.remove(this);
      markIncomingDone();
      return f;
    }
    CompletableFuture<Void> pong;
    try {
      pong = host.ping();
    } catch (RuntimeException e) {
      pong = CompletableFuture.failedFuture(e); // closed or disconnected: nothing more will come
    }
    pong.whenComplete(
        (ok, error) -> {
          // after the PONG the server has sent everything it will send on this sid
          table.remove(this);
          markIncomingDone();
        });
    return f;
  }

  /**
   * Completes the user's {@code future} with a {@link NatsTimeoutException} after {@code timeout},
   * on the event thread (the timer fires on the connection's scheduler, which runs no user code).
   *
   * @param host the connection
   * @param future the future
   * @param timeout the time limit
   * @param what the operation, for the message
   */
  static void failAfter(
      RoutingHost host, CompletableFuture<?> future, Duration timeout, String what) {
    ConnectionScheduler.Timer timer =
        host.scheduler()
            .schedule(
                timeout,
                () ->
                    host.runOnEventThread(
                        () ->
                            future.completeExceptionally(
                                new NatsTimeoutException(
                                    what
                                        + " did not finish within "
                                        + timeout.toMillis()
                                        + " ms"))));
    future.whenComplete((ok, error) -> timer.cancel());
  }

  @Override
  public void setPendingLimits(long maxMessages, long maxBytes) {
    this.maxPendingMessages = maxMessages;
    this.maxPendingBytes = maxBytes;
  }

  @Override
  public long pendingMessages() {
    long[] v = new long[1];
    queue.locked(() -> v[0] = pendingMessages);
    return v[0];
  }

  @Override
  public long pendingBytes() {
    long[] v = new long[1];
    queue.locked(() -> v[0] = pendingBytes);
    return v[0];
  }

  @Override
  public long droppedMessages() {
    long[] v = new long[1];
    queue.locked(() -> v[0] = dropped);
    return v[0];
  }

  @Override
  public long deliveredMessages() {
    return delivered;
  }

  /**
   * Tells whether messages of this subscription should still reach its handler.
   *
   * @return false after {@code unsubscribe()}
   */
  boolean accepts() {
    return !discarded;
  }

  @Override
  public String toString() {
    return "Subscription[sid="
        + sid
        + ", subject="
        + subject
        + (queueGroup == null ? "" : ", queue=" + queueGroup)
        + "]";
  }
}
