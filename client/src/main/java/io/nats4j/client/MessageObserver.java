package io.nats4j.client;

import java.util.List;
import java.util.Objects;

/**
 * Watches messages go out and come in, for tracing and metrics (the {@code nats4j-opentelemetry}
 * and {@code nats4j-micrometer} modules implement it). Installed with {@link
 * Options.Builder#observer(MessageObserver)}; a connection without one pays a single null check per
 * message and nothing else.
 *
 * <p>Thread-safety: implementations must be safe to call from any number of threads at once. Each
 * start method runs on the thread doing the work, before it ({@link #publishing} on the publishing
 * thread, before the message is encoded; {@link #delivering} on the thread that runs the handler,
 * right before it); the returned {@link Observation} is ended exactly once, after the work, on the
 * thread named in {@link ObservedPublish.Kind} and {@link ObservedDelivery.Kind}. Observers run on
 * the hot path: they must not block. An observer that throws is logged and ignored; the message
 * goes on.
 *
 * <pre>{@code
 * MessageObserver counting = new MessageObserver() {
 *   public Observation publishing(ObservedPublish p) {
 *     p.headers().put("traceparent", currentTraceparent()); // sent with the message
 *     long start = System.nanoTime();
 *     return error -> record(p.kind(), p.subject(), System.nanoTime() - start, error);
 *   }
 * };
 * Connection nc = Nats.connect(Options.builder().server(url).observer(counting).build());
 * }</pre>
 */
public interface MessageObserver {

  /**
   * Called before a message is published (a plain publish, a request, a JetStream publish). Headers
   * added to {@link ObservedPublish#headers()} go out with the message; the caller's own {@link
   * Headers} object is never modified.
   *
   * @param publish what is about to be sent
   * @return what to end when it was sent (or answered, for a request and a JetStream publish);
   *     {@link Observation#NONE} if nothing
   */
  default Observation publishing(ObservedPublish publish) {
    return Observation.NONE;
  }

  /**
   * Called before a message handler runs (a dispatcher's handler, a JetStream {@code consume}
   * handler) and when a {@code fetch} returns its batch.
   *
   * @param delivery what is delivered
   * @return what to end when the handler returned (or threw) or the batch was handed over; {@link
   *     Observation#NONE} if nothing
   */
  default Observation delivering(ObservedDelivery delivery) {
    return Observation.NONE;
  }

  /**
   * Combines observers: each start method calls them in order, the observation ends them in reverse
   * order.
   *
   * @param observers the observers
   * @return one observer calling them all
   * @throws NullPointerException if an observer is null
   */
  static MessageObserver all(List<MessageObserver> observers) {
    List<MessageObserver> list = List.copyOf(observers);
    if (list.size() == 1) {
      return list.get(0);
    }
    return new MessageObserver() {
      @Override
      public Observation publishing(ObservedPublish publish) {
        Observation[] started = new Observation[list.size()];
        for (int i = 0; i < started.length; i++) {
          started[i] =
              Objects.requireNonNullElse(list.get(i).publishing(publish), Observation.NONE);
        }
        return Observation.reverse(started);
      }

      @Override
      public Observation delivering(ObservedDelivery delivery) {
        Observation[] started = new Observation[list.size()];
        for (int i = 0; i < started.length; i++) {
          started[i] =
              Objects.requireNonNullElse(list.get(i).delivering(delivery), Observation.NONE);
        }
        return Observation.reverse(started);
      }
    };
  }

  /**
   * One observed operation, from its start to its end: where a tracer keeps its span and a meter
   * its start time.
   *
   * <p>Thread-safety: {@link #end} is called once, possibly on another thread than the one that
   * started it (see {@link ObservedPublish.Kind}).
   */
  @FunctionalInterface
  interface Observation {
    /** Observes nothing. */
    Observation NONE = error -> {};

    /**
     * Ends the operation.
     *
     * @param error why it failed (the exception the caller gets, or the handler threw), or null if
     *     it succeeded
     */
    void end(Throwable error);

    private static Observation reverse(Observation[] started) {
      return error -> {
        for (int i = started.length - 1; i >= 0; i--) {
          started[i].end(error);
        }
      };
    }
  }
}
