package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStreamException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The engine of a push consume: a core subscription (a queue subscription when the consumer has a
 * deliver group) on a dispatcher, status messages handled by {@link PushControl}, idle heartbeats
 * watched by {@link HeartbeatWatch}, data handed to the handler in arrival order.
 *
 * <p>When heartbeats are missed the consumer is looked up (asynchronously, never on the timer
 * thread): if it or its stream is gone the consume ends with a terminal error; otherwise the missed
 * heartbeats are only reported and delivery resumes by itself when the server is back (the
 * subscription is resubscribed by the connection after a reconnect, and the server redelivers what
 * was not acknowledged).
 *
 * <p>Threads: none of its own. The handler runs on the given dispatcher's thread; heartbeat checks
 * on the connection's scheduler, their reports and connection events on its events thread.
 *
 * <p>Thread-safety: {@link #stop()}, {@link #drain()} and {@link #closed()} are safe from any
 * thread, including from the handler.
 */
public final class PushConsume implements ConsumeHandle {
  private static final Duration DRAIN_LIMIT = Duration.ofDays(1);

  private final ApiClient api;
  private final String stream;
  private final String consumer;
  private final Consumer<Message> handler;
  private final PushEvents events;
  private final PushControl control;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final CompletableFuture<Void> drained = closed.handle((ok, error) -> null);
  private final AtomicBoolean ending = new AtomicBoolean();
  private final ConnectionListener connectionListener = this::onConnectionEvent;
  private final Subscription subscription;
  private final HeartbeatWatch watch;
  private final AtomicBoolean checking = new AtomicBoolean();

  /**
   * Subscribes and starts delivering.
   *
   * @param api the JetStream API client (connection, prefix, timeouts)
   * @param dispatcher where the handler runs
   * @param info the consumer, a push consumer (deliver subject set)
   * @param handler receives data messages only
   * @param events receives missed heartbeats, unexpected statuses and the terminal error
   */
  public PushConsume(
      ApiClient api,
      Dispatcher dispatcher,
      ConsumerInfo info,
      Consumer<Message> handler,
      PushEvents events) {
    this.api = api;
    this.stream = info.streamName();
    this.consumer = info.name();
    this.handler = handler;
    this.events = events;
    Connection connection = api.connection();
    this.control = new PushControl(connection, events::unexpectedStatus);
    String subject = info.config().deliverSubject();
    String group = info.config().deliverGroup();
    connection.addConnectionListener(connectionListener);
    try {
      this.subscription =
          group == null || group.isEmpty()
              ? dispatcher.subscribe(subject, this::onMessage)
              : dispatcher.subscribe(subject, group, this::onMessage);
      Internals.unobserved(subscription); // the consume observes its handler calls itself
    } catch (RuntimeException e) {
      connection.removeConnectionListener(connectionListener);
      throw e;
    }
    Duration heartbeat = info.config().idleHeartbeat();
    this.watch =
        heartbeat == null || heartbeat.isZero() || (group != null && !group.isEmpty())
            ? null // a deliver group's heartbeats go to one member each: no member can judge
            : new HeartbeatWatch(
                connection, heartbeat, subscription::pendingMessages, this::onMissed);
    if (ending.get() && watch != null) {
      watch.stop(); // the connection closed while this was being built
    }
  }

  /**
   * Returns the control handler (its counters are read by tests and diagnostics).
   *
   * @return the control handler
   */
  public PushControl control() {
    return control;
  }

  /**
   * Returns the core subscription.
   *
   * @return the subscription
   */
  public Subscription subscription() {
    return subscription;
  }

  /** Ends delivery at once: messages not yet handed to the handler are discarded. */
  @Override
  public void stop() {
    if (ending.compareAndSet(false, true)) {
      subscription.unsubscribe();
      finish(null);
    }
  }

  /**
   * Stops receiving, lets the handler take what already arrived and completes after its last call
   * returned.
   *
   * @return completes after the last handler call returned (or once the consume had ended for
   *     another reason); never fails; the same future on every call
   */
  @Override
  public CompletableFuture<Void> drain() {
    if (ending.compareAndSet(false, true)) {
      if (watch != null) {
        watch.stop();
      }
      subscription
          .drain(DRAIN_LIMIT)
          .whenComplete((ok, error) -> finish(error == null ? null : wrap(error)));
    }
    return drained;
  }

  /**
   * Completes when the consume ended: normally after stop or drain, exceptionally with the terminal
   * error.
   *
   * @return the future
   */
  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private void onMessage(Message message) {
    if (watch != null) {
      watch.activity();
    }
    if (control.handle(message)) {
      return;
    }
    handler.accept(message);
  }

  private void onConnectionEvent(ConnectionEvent event) {
    // may run before the constructor finished (the listener is added first): read fields once
    HeartbeatWatch w = watch;
    if (event instanceof ConnectionEvent.Closed) {
      terminal(
          new JetStreamException(
              "the connection was closed; the push consume of " + name() + " ended"));
    } else if (w != null && event instanceof ConnectionEvent.Disconnected) {
      w.pause();
    } else if (w != null && event instanceof ConnectionEvent.Reconnected) {
      w.resume();
    }
  }

  private void onMissed(Duration silence) {
    events.heartbeatsMissed(silence);
    if (!checking.compareAndSet(false, true)) {
      return;
    }
    ConsumerLookup.info(api, stream, consumer)
        .whenComplete(
            (info, error) -> {
              checking.set(false);
              if (error != null && ConsumerLookup.isGone(error)) {
                terminal(
                    new JetStreamException(
                        "consumer " + name() + " no longer exists; the push consume ended",
                        ConsumerLookup.unwrap(error)));
              }
            });
  }

  private void terminal(JetStreamException cause) {
    if (ending.compareAndSet(false, true)) {
      Subscription s = subscription;
      if (s != null) {
        s.unsubscribe();
      }
      events.terminal(cause);
      finish(cause);
    }
  }

  private void finish(Throwable error) {
    HeartbeatWatch w = watch;
    if (w != null) {
      w.stop();
    }
    api.connection().removeConnectionListener(connectionListener);
    if (error == null) {
      closed.complete(null);
    } else {
      closed.completeExceptionally(error);
    }
  }

  private String name() {
    return stream + " > " + consumer;
  }

  private static RuntimeException wrap(Throwable error) {
    Throwable e = ConsumerLookup.unwrap(error);
    return e instanceof RuntimeException r ? r : new JetStreamException(e.toString(), e);
  }
}
