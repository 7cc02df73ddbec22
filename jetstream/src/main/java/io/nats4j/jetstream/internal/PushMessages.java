package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Message;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStreamException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The engine of a caller-paced push iterator: a synchronous core subscription (queue subscription
 * with a deliver group), read by {@link #next(Duration)}. Status messages are handled inside {@code
 * next} in delivery order, so a flow-control request is answered only once the caller has taken
 * every message before it: the server never runs ahead of a slow reader by more than its window.
 *
 * <p>Threads: none. Missed heartbeats are checked on the connection's scheduler and reported on its
 * events thread; messages waiting unread count as activity, so a caller that does not read is never
 * reported.
 *
 * <p>Thread-safety: {@link #next(Duration)} is meant for one reader at a time (it may be a virtual
 * thread: it blocks only on the subscription's queue); {@link #stop()} and {@link #close()} are
 * safe from any thread.
 */
public final class PushMessages implements AutoCloseable {
  private final ApiClient api;
  private final String stream;
  private final String consumer;
  private final PushEvents events;
  private final PushControl control;
  private final Subscription subscription;
  private final HeartbeatWatch watch;
  private final ConnectionListener connectionListener = this::onConnectionEvent;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean checking = new AtomicBoolean();
  private volatile JetStreamException terminal;

  /**
   * Subscribes.
   *
   * @param api the API client
   * @param info the consumer, a push consumer
   * @param events receives missed heartbeats, unexpected statuses and the terminal error
   */
  public PushMessages(ApiClient api, ConsumerInfo info, PushEvents events) {
    this.api = api;
    this.stream = info.streamName();
    this.consumer = info.name();
    this.events = events;
    Connection connection = api.connection();
    this.control = new PushControl(connection, events::unexpectedStatus);
    String subject = info.config().deliverSubject();
    String group = info.config().deliverGroup();
    this.subscription =
        group == null || group.isEmpty()
            ? connection.subscribe(subject)
            : connection.subscribe(subject, group);
    connection.addConnectionListener(connectionListener);
    Duration heartbeat = info.config().idleHeartbeat();
    this.watch =
        heartbeat == null || heartbeat.isZero() || (group != null && !group.isEmpty())
            ? null // a deliver group's heartbeats go to one member each: no member can judge
            : new HeartbeatWatch(
                connection, heartbeat, subscription::pendingMessages, this::onMissed);
  }

  /**
   * Returns the next data message, handling status messages on the way.
   *
   * @param maxWait how long to wait at most; zero takes only what already arrived
   * @return the message, or null if none arrived in time
   * @throws JetStreamException the terminal error (consumer deleted, connection closed)
   * @throws IllegalStateException if the iterator was stopped or closed
   */
  public Message next(Duration maxWait) {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      RuntimeException t = terminal;
      if (t != null) {
        throw t;
      }
      if (ended.get()) {
        throw stopped();
      }
      long remaining = Math.max(0, deadline - System.nanoTime());
      Message m;
      try {
        m = subscription.next(Duration.ofNanos(remaining));
      } catch (NatsTimeoutException e) {
        return null;
      } catch (IllegalStateException e) {
        t = terminal;
        if (t != null) {
          throw t;
        }
        throw stopped();
      } catch (ConnectionClosedException e) {
        // the subscription saw the close before the connection listener did
        fail(new JetStreamException(closedMessage(), e));
        throw terminalOrStopped();
      } catch (NatsException e) {
        fail(
            new JetStreamException(
                "the push iterator of " + name() + " ended: " + e.getMessage(), e));
        throw terminalOrStopped();
      }
      if (watch != null) {
        watch.activity();
      }
      if (!control.handle(m)) {
        return m;
      }
      if (remaining == 0 && subscription.pendingMessages() == 0) {
        return null;
      }
    }
  }

  /**
   * Returns the control handler.
   *
   * @return the control handler
   */
  public PushControl control() {
    return control;
  }

  /** Unsubscribes and drops what was buffered; {@link #next} throws from now on. Idempotent. */
  public void stop() {
    end();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    end();
  }

  private boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    subscription.unsubscribe();
    if (watch != null) {
      watch.stop();
    }
    api.connection().removeConnectionListener(connectionListener);
    return true;
  }

  private void onConnectionEvent(ConnectionEvent event) {
    if (event instanceof ConnectionEvent.Closed) {
      fail(new JetStreamException(closedMessage()));
    } else if (watch != null && event instanceof ConnectionEvent.Disconnected) {
      watch.pause();
    } else if (watch != null && event instanceof ConnectionEvent.Reconnected) {
      watch.resume();
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
                fail(
                    new JetStreamException(
                        "consumer " + name() + " no longer exists; the push iterator ended",
                        ConsumerLookup.unwrap(error)));
              }
            });
  }

  private void fail(JetStreamException cause) {
    if (ended.get()) {
      return;
    }
    terminal = cause;
    if (end()) {
      events.terminal(cause);
    }
  }

  private RuntimeException terminalOrStopped() {
    RuntimeException t = terminal;
    return t != null ? t : stopped();
  }

  private String closedMessage() {
    return "the connection was closed; the push iterator of " + name() + " ended";
  }

  private IllegalStateException stopped() {
    return new IllegalStateException("the push iterator of " + name() + " was stopped");
  }

  private String name() {
    return stream + " > " + consumer;
  }
}
