package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.MessageMetadata;
import io.nats4j.jetstream.internal.JsObserving;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code consume(handler)} of an ordered consumer: a chain of generations, each one server consumer
 * with its own subscription and {@link PullSession}. A gap in the consumer sequence, missed
 * heartbeats, a reconnect, or the consumer vanishing end the generation; the next one is created
 * asynchronously (no thread blocks) from the next expected stream sequence, retried with backoff
 * while JetStream is unavailable. Messages of an ended generation are dropped.
 */
final class OrderedConsume implements ConsumeHandle {
  private static final Duration DRAIN_LIMIT = Duration.ofDays(1);
  private static final long ACCEPTED = -1;
  private static final long DROPPED = -2;

  private final OrderedConsumerImpl parent;
  private final JsMessageHandler handler;
  private final ConsumeOptions options;
  private final Listeners listeners;
  private final Dispatcher dispatcher;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private Generation current;
  private boolean stopped;
  private CompletableFuture<Void> drain;

  OrderedConsume(OrderedConsumerImpl parent, JsMessageHandler handler, ConsumeOptions options) {
    this.parent = parent;
    this.handler = handler;
    this.options = options;
    this.listeners = new Listeners(options.errorListener());
    this.dispatcher =
        options.dispatcher() != null
            ? options.dispatcher()
            : parent.api().connection().defaultDispatcher();
    ConsumerInfo info = parent.createSync();
    synchronized (this) {
      Generation g = new Generation(info);
      current = g;
      g.start();
    }
  }

  private final class Generation implements PullSession.Owner {
    final PullTarget target;
    final PullSession session;
    final Subscription subscription;
    long expected = 1;

    Generation(ConsumerInfo info) {
      target = new PullTarget(parent.api(), parent.stream(), info.name(), true);
      session = new PullSession(target, options, this);
      subscription = dispatcher.subscribe(session.inbox, this::onMessage);
      Internals.unobserved(subscription); // observed per handler call, not per raw message
    }

    void start() {
      session.start(subscription);
    }

    private boolean isCurrent() {
      synchronized (OrderedConsume.this) {
        return current == this && !stopped;
      }
    }

    private void onMessage(Message raw) {
      if (!isCurrent()) {
        return;
      }
      JsMessageImpl m = session.process(raw);
      if (m == null) {
        return;
      }
      long gapAt = accept(m.metadata());
      if (gapAt == DROPPED) {
        return;
      }
      if (gapAt != ACCEPTED) {
        reset(
            this,
            "sequence gap: expected consumer sequence "
                + gapAt
                + ", got "
                + m.metadata().consumerSequence());
        return;
      }
      Throwable failure =
          JsObserving.handle(target.connection, target.stream, target.consumer, m, handler);
      if (failure != null) {
        listeners.handlerFailed(m, failure);
      }
    }

    /**
     * Takes the message as delivered if this generation is still the current one and it is the next
     * in order: one step under the monitor that {@link #reset} takes to end the generation, so a
     * replacement is created either after this position was recorded (and starts behind it) or
     * before (and this message is dropped); never both.
     *
     * @return {@link #ACCEPTED}, {@link #DROPPED}, or the consumer sequence that was expected
     */
    private long accept(MessageMetadata md) {
      synchronized (OrderedConsume.this) {
        if (current != this || stopped) {
          return DROPPED;
        }
        if (md.consumerSequence() != expected) {
          return expected;
        }
        expected++;
        parent.delivered(md.streamSequence());
        return ACCEPTED;
      }
    }

    void close() {
      session.close();
      subscription.unsubscribe();
      parent.deleteAsync(target.consumer);
    }

    @Override
    public void warning(int code, String description) {
      listeners.warning(code, description);
    }

    @Override
    public void heartbeatsMissed(Duration silence) {
      listeners.heartbeatsMissed(silence);
      reset(this, "no heartbeat for " + silence.toMillis() + " ms");
    }

    @Override
    public void reconnected() {
      reset(this, "reconnected");
    }

    @Override
    public void terminal(JetStreamException error) {
      String m = error.getMessage();
      if (m.contains("connection closed") || m.contains("push based") || m.contains(": 400")) {
        end(error);
      } else {
        reset(this, m);
      }
    }

    @Override
    public void noResponders() {
      reset(this, "no responders for the pull (consumer gone)");
    }
  }

  private void reset(Generation g, String reason) {
    boolean finishDrain;
    synchronized (this) {
      if (current != g || stopped) {
        return;
      }
      current = null;
      finishDrain = drain != null;
    }
    g.close();
    if (finishDrain) {
      finish(null);
      return;
    }
    listeners.orderedReset(reason, parent.nextStreamSequence());
    recreate(0);
  }

  private void recreate(int attempt) {
    synchronized (this) {
      if (stopped) {
        return;
      }
    }
    parent
        .createAsync()
        .whenComplete(
            (info, error) -> {
              if (error != null) {
                if (OrderedConsumerImpl.fatal(error)) {
                  end(
                      new JetStreamException(
                          "ordered consume of stream "
                              + parent.stream()
                              + " ended: "
                              + rootMessage(error),
                          error));
                } else {
                  Timers.scheduleOnEvents(
                      parent.api().connection(),
                      OrderedConsumerImpl.backoff(attempt),
                      () -> recreate(attempt + 1));
                }
                return;
              }
              boolean installed;
              synchronized (this) {
                // started under the monitor: a stop() now or later closes a started generation
                installed = !stopped;
                if (installed) {
                  Generation g = new Generation(info);
                  current = g;
                  g.start();
                }
              }
              if (!installed) {
                parent.deleteAsync(info.name());
              }
            });
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private void end(JetStreamException error) {
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
    if (ended.compareAndSet(false, true)) {
      parent.release();
      listeners.terminated(error);
      closed.completeExceptionally(error);
    }
  }

  private void finish(CompletableFuture<Void> ignored) {
    Generation g;
    CompletableFuture<Void> d;
    synchronized (this) {
      stopped = true;
      g = current;
      current = null;
      d = drain;
    }
    if (g != null) {
      g.close();
    }
    if (ended.compareAndSet(false, true)) {
      parent.release();
      closed.complete(null);
    }
    if (d != null) {
      d.complete(null);
    }
  }

  @Override
  public void stop() {
    finish(null);
  }

  @Override
  public CompletableFuture<Void> drain() {
    Generation g;
    CompletableFuture<Void> d;
    synchronized (this) {
      if (drain != null) {
        return drain;
      }
      drain = new CompletableFuture<>();
      d = drain;
      g = current;
      if (stopped || g == null) {
        g = null;
      }
    }
    if (g == null) {
      finish(null);
      return d;
    }
    g.session.stopPulling();
    g.subscription.drain(DRAIN_LIMIT).whenComplete((v, e) -> finish(null));
    return d;
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public void close() {
    stop();
  }
}
