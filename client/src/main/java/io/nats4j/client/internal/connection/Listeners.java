package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Options;
import io.nats4j.client.internal.routing.NatsSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's listeners (the ones from the options first, then those added later) and the
 * delivery of events and asynchronous errors to them on the {@link EventBus}.
 *
 * <p>Thread-safety: all methods are safe from any thread. Delivery runs on the event thread, one
 * event at a time, in posting order, to the listeners registered when the event was posted (so a
 * listener added after connect never sees an earlier event, and one removed gets nothing posted
 * after its removal).
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final int connectionId;
  private final EventBus events;
  private final CopyOnWriteArrayList<ConnectionListener> connectionListeners =
      new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<ErrorListener> errorListeners = new CopyOnWriteArrayList<>();

  Listeners(int connectionId, Options options, EventBus events) {
    this.connectionId = connectionId;
    this.events = events;
    if (options.connectionListener() != null) {
      connectionListeners.add(options.connectionListener());
    }
    if (options.errorListener() != null) {
      errorListeners.add(options.errorListener());
    }
  }

  void add(ConnectionListener listener) {
    connectionListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  boolean remove(ConnectionListener listener) {
    return connectionListeners.remove(listener);
  }

  void add(ErrorListener listener) {
    errorListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  boolean remove(ErrorListener listener) {
    return errorListeners.remove(listener);
  }

  /** Delivers an event on the event thread, after everything posted before it. */
  void post(ConnectionEvent event) {
    List<ConnectionListener> to = List.copyOf(connectionListeners);
    events.post(() -> deliver(to, event));
  }

  /** Delivers an asynchronous error on the event thread; with no error listener, logs it. */
  void report(AsyncError error) {
    report(error, List.of());
  }

  /**
   * Delivers an asynchronous error concerning subscriptions on the event thread: to their own
   * listeners first (as set when it is delivered), then to the connection's; with no listener at
   * all, logs it.
   */
  void report(AsyncError error, List<NatsSubscription> subscriptions) {
    List<ErrorListener> connectionOnes = List.copyOf(errorListeners);
    if (connectionOnes.isEmpty() && subscriptions.isEmpty()) {
      logUnhandled(error);
      return;
    }
    events.post(
        () -> {
          List<ErrorListener> to = new ArrayList<>(subscriptions.size() + connectionOnes.size());
          for (NatsSubscription sub : subscriptions) {
            ErrorListener own = sub.errorListener();
            if (own != null) {
              to.add(own);
            }
          }
          to.addAll(connectionOnes);
          if (to.isEmpty()) {
            logUnhandled(error);
            return;
          }
          for (ErrorListener listener : to) {
            try {
              listener.onError(error);
            } catch (RuntimeException e) {
              // one failing listener must not keep the error from the others
              LOG.warn("a nats4j error listener threw", e);
            }
          }
        });
  }

  /**
   * The default error listener: while the application registered none, every asynchronous error is
   * logged at WARN, in words.
   */
  private void logUnhandled(AsyncError error) {
    LOG.warn("nats4j connection {}: {}", connectionId, describe(error));
  }

  static String describe(AsyncError error) {
    if (error instanceof AsyncError.PermissionDenied d) {
      return "the server denied "
          + (d.operation() == AsyncError.Operation.PUBLISH ? "publishing to " : "subscribing to ")
          + d.subject()
          + " ("
          + d.text()
          + "); register an ErrorListener to handle it";
    }
    if (error instanceof AsyncError.SlowConsumer s) {
      return "slow consumer on "
          + s.subscription().subject()
          + ": its pending limits were reached and messages were dropped ("
          + s.subscription().droppedMessages()
          + " so far)";
    }
    if (error instanceof AsyncError.MalformedMessage m) {
      return "dropped a malformed message on " + m.subject() + ": " + m.error().getMessage();
    }
    if (error instanceof AsyncError.ServerError e) {
      return "the server reported an error: " + e.text();
    }
    return String.valueOf(error);
  }

  private static void deliver(List<ConnectionListener> to, ConnectionEvent event) {
    for (ConnectionListener listener : to) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("a nats4j connection listener threw", e);
      }
    }
  }
}
