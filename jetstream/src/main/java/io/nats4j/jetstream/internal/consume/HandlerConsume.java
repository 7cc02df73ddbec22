package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.internal.JsObserving;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code consume(handler)} on a named consumer: one subscription on a dispatcher (the handler runs
 * on the dispatcher's thread), one {@link PullSession}. No thread of its own.
 */
final class HandlerConsume implements ConsumeHandle, PullSession.Owner {
  private static final Duration DRAIN_LIMIT = Duration.ofDays(1);

  private final PullTarget target;
  private final JsMessageHandler handler;
  private final Listeners listeners;
  private final PullSession session;
  private final NoRespondersRecovery noResponders;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile boolean stopped;
  private volatile Subscription subscription;
  private CompletableFuture<Void> drain;

  HandlerConsume(PullTarget target, JsMessageHandler handler, ConsumeOptions options) {
    this.target = target;
    this.handler = handler;
    this.listeners = new Listeners(options.errorListener());
    this.session = new PullSession(target, options, this);
    this.noResponders =
        new NoRespondersRecovery(
            target,
            listeners,
            this::terminal,
            () -> {
              if (!stopped) {
                session.repullFresh();
              }
            });
    Dispatcher d =
        options.dispatcher() != null ? options.dispatcher() : target.connection.defaultDispatcher();
    this.subscription = d.subscribe(session.inbox, this::onMessage);
    Internals.unobserved(subscription); // observed here, per handler call, not per raw message
    session.start(subscription);
  }

  private void onMessage(Message raw) {
    if (stopped) {
      return;
    }
    JsMessageImpl m = session.process(raw);
    if (m == null || stopped) {
      return;
    }
    Throwable failure =
        JsObserving.handle(target.connection, target.stream, target.consumer, m, handler);
    if (failure != null) {
      listeners.handlerFailed(m, failure);
    }
  }

  @Override
  public void warning(int code, String description) {
    listeners.warning(code, description);
  }

  @Override
  public void heartbeatsMissed(Duration silence) {
    listeners.heartbeatsMissed(silence);
    session.repullFresh();
  }

  @Override
  public void reconnected() {
    session.repullFresh();
  }

  @Override
  public void terminal(JetStreamException error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    stopped = true;
    session.close();
    subscription.unsubscribe();
    listeners.terminated(error);
    closed.completeExceptionally(error);
  }

  @Override
  public void noResponders() {
    noResponders.onNoResponders();
  }

  @Override
  public void stop() {
    stopped = true;
    session.close();
    subscription.unsubscribe();
    if (ended.compareAndSet(false, true)) {
      closed.complete(null);
    }
    synchronized (this) {
      if (drain != null) {
        drain.complete(null);
      }
    }
  }

  @Override
  public synchronized CompletableFuture<Void> drain() {
    if (drain != null) {
      return drain;
    }
    drain = new CompletableFuture<>();
    if (stopped) {
      drain.complete(null);
      return drain;
    }
    CompletableFuture<Void> result = drain;
    session.stopPulling();
    subscription
        .drain(DRAIN_LIMIT)
        .whenComplete(
            (v, e) -> {
              session.close();
              stopped = true;
              if (ended.compareAndSet(false, true)) {
                closed.complete(null);
              }
              result.complete(null);
            });
    return result;
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
