package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.PriorityPull;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ADR-37 pull engine of one continuous read (consume or messages) on one inbox: keeps pull
 * requests ahead of processing by the pending message/byte accounting, reads statuses, watches idle
 * heartbeats, and re-pulls after a reconnect. It does not deliver: the owner feeds it every
 * received message through {@link #process(Message)} on the delivering thread and gets user
 * messages back; what needs a decision (missed heartbeats, reconnect, terminal status) goes to the
 * {@link Owner}.
 *
 * <p>Thread-safety: the pending counters are guarded by one lock, held only to compute the next
 * request (the publish happens outside it). {@code process} may be called from any thread; timers
 * and connection events arrive on their own threads.
 */
final class PullSession {

  /** Decides what happens on events the engine cannot settle alone. */
  interface Owner {
    void warning(int code, String description);

    void heartbeatsMissed(Duration silence);

    void reconnected();

    void terminal(JetStreamException error);

    void noResponders();
  }

  private final PullTarget target;
  private final ConsumeOptions options;
  private final Owner owner;
  final String inbox;
  private final long heartbeatNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConnectionListener listener = this::onConnectionEvent;

  private long pendingMessages;
  private long pendingBytes;
  private Timers.Task heartbeatTask;
  private volatile Subscription subscription;
  private volatile long lastActivity;
  private volatile boolean connected;
  private volatile boolean pulling = true;
  private volatile boolean closed;

  PullSession(PullTarget target, ConsumeOptions options, Owner owner) {
    this.target = target;
    this.options = options;
    this.owner = owner;
    this.inbox = target.connection.createInbox();
    this.heartbeatNanos = options.idleHeartbeat().toNanos();
  }

  /** Starts pulling on the subscription made on {@link #inbox}. */
  void start(Subscription subscription) {
    this.subscription = subscription;
    target.connection.addConnectionListener(listener);
    connected = "CONNECTED".equals(target.connection.status().name());
    lastActivity = System.nanoTime();
    pull(0, 0, false);
    scheduleHeartbeatCheck();
  }

  /**
   * Accounts for a received message.
   *
   * @return the user message, or null for a status message (handled here)
   */
  JsMessageImpl process(Message raw) {
    lastActivity = System.nanoTime();
    if (raw.statusCode() == 0) {
      JsMessageImpl m = new JsMessageImpl(raw, target.connection, target.ackNone);
      if (options.priority() != null) {
        target.pin.keepFrom(raw);
      }
      pull(1, options.maxBytes() > 0 ? m.size() : 0, false);
      return m;
    }
    status(raw);
    return null;
  }

  private void status(Message raw) {
    Headers h = raw.headers();
    switch (PullStatus.classify(raw)) {
      case HEARTBEAT:
        return;
      case FLOW_CONTROL:
        if (raw.replyTo() != null) {
          Internals.publishUnobserved(target.connection, raw.replyTo(), null, new byte[0]);
        }
        return;
      case MAX_BYTES:
        if (PullStatus.number(h, PullStatus.PENDING_BYTES) >= options.maxBytes()) {
          // A request with the whole byte window left could not take the next message: it is
          // larger than any pull, so pulling at once gets the same 409 (a tight loop). Forget the
          // request, warn, and leave the next pull to the heartbeat check. A request with less
          // left ending this way is the normal flow of the window (the server serves the open
          // requests in turn, so several can end one after another): pull again.
          forget(h);
          owner.warning(raw.statusCode(), h.statusDescription());
          return;
        }
        released(h);
        return;
      case NO_MESSAGES:
      case REQUEST_TIMEOUT:
      case BATCH_COMPLETED:
        released(h);
        return;
      case PIN_RESET:
        // ADR-42: the request was refused, so what it counted will never come; the pin moved
        target.pin.forget();
        pull(0, 0, true);
        return;
      case LEADERSHIP_CHANGE:
        // every waiting request is gone with the old leader, and the status says nothing of what
        // they held: count nothing pending and pull again at once (as nats.go does)
        pull(0, 0, true);
        owner.warning(raw.statusCode(), h.statusDescription());
        return;
      case WARNING:
      case UNKNOWN:
        released(h);
        owner.warning(raw.statusCode(), h.statusDescription());
        return;
      case TERMINAL:
        owner.terminal(
            new JetStreamException(
                "consuming " + target.describe() + " ended: " + PullStatus.describe(raw)));
        return;
      case NO_RESPONDERS:
        owner.noResponders();
        return;
      default:
        throw new AssertionError();
    }
  }

  /** Takes an ended request's counts off what is pending, without pulling again. */
  private void forget(Headers h) {
    lock.lock();
    try {
      pendingMessages =
          Math.max(0, pendingMessages - PullStatus.number(h, PullStatus.PENDING_MESSAGES));
      pendingBytes = Math.max(0, pendingBytes - PullStatus.number(h, PullStatus.PENDING_BYTES));
    } finally {
      lock.unlock();
    }
  }

  private void released(Headers h) {
    pull(
        PullStatus.number(h, PullStatus.PENDING_MESSAGES),
        PullStatus.number(h, PullStatus.PENDING_BYTES),
        false);
  }

  /** Forgets what was pending (the server's requests are gone or unknown) and pulls afresh. */
  void repullFresh() {
    lastActivity = System.nanoTime();
    pull(0, 0, true);
  }

  /** Stops pulling; what arrives is still processed (drain). */
  void stopPulling() {
    pulling = false;
  }

  /** Stops everything: pulls, the heartbeat timer, the connection listener. Idempotent. */
  void close() {
    pulling = false;
    closed = true;
    Timers.Task t;
    lock.lock();
    try {
      t = heartbeatTask;
      heartbeatTask = null;
    } finally {
      lock.unlock();
    }
    if (t != null) {
      t.cancel();
    }
    target.connection.removeConnectionListener(listener);
  }

  long pendingMessages() {
    lock.lock();
    try {
      return pendingMessages;
    } finally {
      lock.unlock();
    }
  }

  private void pull(long messagesDone, long bytesDone, boolean reset) {
    PullRequest request;
    lock.lock();
    try {
      if (reset) {
        pendingMessages = 0;
        pendingBytes = 0;
      } else {
        pendingMessages = Math.max(0, pendingMessages - messagesDone);
        pendingBytes = Math.max(0, pendingBytes - bytesDone);
      }
      request = nextRequestLocked();
    } finally {
      lock.unlock();
    }
    if (request != null && !target.send(inbox, request)) {
      lock.lock();
      try {
        // Not sent: nothing is pending for it; a reconnect pulls again.
        pendingMessages = Math.max(0, pendingMessages - request.batch());
        pendingBytes = Math.max(0, pendingBytes - request.maxBytes());
      } finally {
        lock.unlock();
      }
    }
  }

  private PullRequest nextRequestLocked() {
    if (!pulling || !connected) {
      return null;
    }
    long batch;
    long bytes = 0;
    if (options.maxBytes() > 0) {
      if (pendingBytes > options.thresholdBytes()) {
        return null;
      }
      bytes = options.maxBytes() - pendingBytes;
      batch = options.batchSize();
      if (bytes <= 0) {
        return null;
      }
    } else {
      if (pendingMessages > options.thresholdMessages()) {
        return null;
      }
      batch = options.batchSize() - pendingMessages;
      if (batch <= 0) {
        return null;
      }
    }
    pendingMessages += batch;
    pendingBytes += bytes;
    PriorityPull p = options.priority();
    return new PullRequest(
        batch,
        bytes,
        options.expiresIn(),
        false,
        options.idleHeartbeat(),
        p == null ? null : p.group(),
        p == null ? 0 : p.minPending(),
        p == null ? 0 : p.minAckPending(),
        p == null ? null : target.pin.id(),
        p == null || p.priority() < 0 ? 0 : p.priority());
  }

  private void scheduleHeartbeatCheck() {
    lock.lock();
    try {
      if (!closed) {
        heartbeatTask =
            Timers.schedule(
                target.connection, Duration.ofNanos(heartbeatNanos / 2), this::checkHeartbeat);
      }
    } finally {
      lock.unlock();
    }
  }

  private void checkHeartbeat() {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    long silence = now - lastActivity;
    Subscription sub = subscription;
    if (connected
        && pulling
        && silence > 2 * heartbeatNanos
        && (sub == null || sub.pendingMessages() == 0)) {
      lastActivity = now;
      Duration missed = Duration.ofNanos(silence);
      // the owner calls the user's listener: not on the scheduler
      Timers.onEvents(
          target.connection,
          () -> {
            if (!closed) {
              owner.heartbeatsMissed(missed);
            }
          });
    }
    scheduleHeartbeatCheck();
  }

  private void onConnectionEvent(ConnectionEvent event) {
    if (closed) {
      return;
    }
    if (event instanceof ConnectionEvent.Disconnected) {
      connected = false;
    } else if (event instanceof ConnectionEvent.Reconnected) {
      connected = true;
      lastActivity = System.nanoTime();
      owner.reconnected();
    } else if (event instanceof ConnectionEvent.Closed) {
      connected = false;
      owner.terminal(
          new JetStreamException("consuming " + target.describe() + " ended: connection closed"));
    }
  }
}
