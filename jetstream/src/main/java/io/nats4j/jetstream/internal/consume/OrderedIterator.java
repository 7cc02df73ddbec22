package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.MessageMetadata;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code messages()} of an ordered consumer. The caller's thread drives everything, including the
 * recreation of the server consumer (blocking, on the caller's own thread); events from other
 * threads (missed heartbeats, reconnect) only mark the generation for reset and unsubscribe it,
 * which wakes a waiting {@link #next(Duration)}.
 */
final class OrderedIterator implements ConsumerMessages {
  private final OrderedConsumerImpl parent;
  private final ConsumeOptions options;
  private final Listeners listeners;
  private volatile Generation current;
  private volatile JetStreamException terminal;
  private volatile boolean stopped;
  private int failedAttempts;

  OrderedIterator(OrderedConsumerImpl parent, ConsumeOptions options) {
    this.parent = parent;
    this.options = options;
    this.listeners = new Listeners(options.errorListener());
    install(parent.createSync());
  }

  private final class Generation implements PullSession.Owner {
    final PullTarget target;
    final PullSession session;
    final Subscription subscription;
    volatile String resetReason;
    long expected = 1;

    Generation(ConsumerInfo info) {
      target = new PullTarget(parent.api(), parent.stream(), info.name(), true);
      session = new PullSession(target, options, this);
      subscription = parent.api().connection().subscribe(session.inbox);
    }

    /** Ends this generation: no more pulls, timers or listener; its server consumer deleted. */
    void close() {
      session.close();
      subscription.unsubscribe();
      parent.deleteAsync(target.consumer);
    }

    void markReset(String reason) {
      if (resetReason == null) {
        resetReason = reason;
      }
      session.close();
      subscription.unsubscribe();
    }

    @Override
    public void warning(int code, String description) {
      listeners.warning(code, description);
    }

    @Override
    public void heartbeatsMissed(Duration silence) {
      listeners.heartbeatsMissed(silence);
      markReset("no heartbeat for " + silence.toMillis() + " ms");
    }

    @Override
    public void reconnected() {
      markReset("reconnected");
    }

    @Override
    public void terminal(JetStreamException error) {
      String m = error.getMessage();
      if (m.contains("connection closed") || m.contains("push based") || m.contains(": 400")) {
        terminal = error;
        session.close();
        subscription.unsubscribe();
        listeners.terminated(error);
      } else {
        markReset(m);
      }
    }

    @Override
    public void noResponders() {
      markReset("no responders for the pull (consumer gone)");
    }
  }

  @Override
  public Optional<JsMessage> next(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      check();
      Generation g = current;
      if (g == null || g.resetReason != null) {
        if (!recreate(g, deadline)) {
          return Optional.empty();
        }
        continue;
      }
      long wait = Math.max(0, deadline - System.nanoTime());
      Message raw;
      try {
        raw = g.subscription.next(Duration.ofNanos(wait));
      } catch (NatsTimeoutException e) {
        return Optional.empty();
      } catch (IllegalStateException e) {
        continue; // unsubscribed: stopped, terminal or marked for reset
      }
      JsMessageImpl m = g.session.process(raw);
      if (m != null && g.resetReason == null) {
        MessageMetadata md = m.metadata();
        if (md.consumerSequence() != g.expected) {
          g.markReset(
              "sequence gap: expected consumer sequence "
                  + g.expected
                  + ", got "
                  + md.consumerSequence());
          continue;
        }
        g.expected++;
        parent.delivered(md.streamSequence());
        return Optional.of(m);
      }
      if (System.nanoTime() - deadline >= 0) {
        return Optional.empty();
      }
    }
  }

  /** Replaces the generation; false when the deadline passed before it worked. */
  private boolean recreate(Generation old, long deadline) {
    if (old != null) {
      synchronized (this) {
        if (current == old) {
          current = null;
        }
      }
      old.close();
      listeners.orderedReset(old.resetReason, parent.nextStreamSequence());
    }
    while (true) {
      check();
      try {
        install(parent.createSync());
        failedAttempts = 0;
        return true;
      } catch (RuntimeException e) {
        if (stopped) {
          throw e instanceof IllegalStateException ise ? ise : stoppedError();
        }
        if (OrderedConsumerImpl.fatal(e)) {
          terminal =
              new JetStreamException(
                  "ordered consumer of stream " + parent.stream() + " ended: " + e.getMessage(), e);
          listeners.terminated(terminal);
          throw terminal;
        }
        long pause = OrderedConsumerImpl.backoff(failedAttempts++).toNanos();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(Math.min(pause, left));
        if (Thread.interrupted()) {
          Thread.currentThread().interrupt();
          throw new JetStreamException("interrupted while recreating the ordered consumer", e);
        }
      }
    }
  }

  /**
   * Makes the created server consumer the current generation and starts pulling, unless the
   * iterator was stopped meanwhile (the creation may take a while): then the consumer is deleted
   * and nothing is left behind. Under the monitor that {@link #stop()} takes, so a generation is
   * either installed before the stop (which closes it) or never started.
   */
  private void install(ConsumerInfo info) {
    synchronized (this) {
      if (!stopped) {
        Generation g = new Generation(info);
        current = g;
        g.session.start(g.subscription);
        return;
      }
    }
    parent.deleteAsync(info.name());
    throw stoppedError();
  }

  private void check() {
    JetStreamException t = terminal;
    if (t != null) {
      throw new JetStreamException(t.getMessage(), t);
    }
    if (stopped) {
      throw stoppedError();
    }
  }

  private IllegalStateException stoppedError() {
    return new IllegalStateException(
        "the ordered message iterator of stream " + parent.stream() + " is stopped");
  }

  @Override
  public void stop() {
    Generation g;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      g = current;
      current = null;
    }
    if (g != null) {
      g.close();
    }
    parent.release();
  }

  @Override
  public void close() {
    stop();
  }
}
