package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.MessageObserver.Observation;
import io.nats4j.client.ObservedDelivery;
import io.nats4j.client.ObservedPublish;
import io.nats4j.client.internal.spi.Observations;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.PubAck;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Reports JetStream publishes, consume handler calls and fetches to the connection's {@link
 * MessageObserver}; without one, each method just does the work.
 *
 * <p>Thread-safety: stateless.
 */
public final class JsObserving {
  private JsObserving() {}

  /**
   * Publishes and waits for the ack, observed as a JetStream publish.
   *
   * @param connection the connection
   * @param subject the subject
   * @param headers the headers to send, or null
   * @param data the payload
   * @param send sends with the given headers (the observer's copy) and waits for the ack
   * @return the ack
   */
  public static PubAck publish(
      Connection connection,
      String subject,
      Headers headers,
      byte[] data,
      Function<Headers, PubAck> send) {
    MessageObserver observer = Observations.observer(connection);
    if (observer == null) {
      return send.apply(headers);
    }
    ObservedPublish p = observed(connection, subject, headers, data);
    Observation o = Observations.start(observer, p);
    try {
      PubAck ack = send.apply(p.headers());
      Observations.end(o, null);
      return ack;
    } catch (RuntimeException e) {
      Observations.end(o, e);
      throw e;
    }
  }

  /**
   * Publishes without waiting, observed as a JetStream publish that ends with the ack.
   *
   * @param connection the connection
   * @param subject the subject
   * @param headers the headers to send, or null
   * @param data the payload
   * @param send sends with the given headers (the observer's copy)
   * @return the future ack
   */
  public static CompletableFuture<PubAck> publishAsync(
      Connection connection,
      String subject,
      Headers headers,
      byte[] data,
      Function<Headers, CompletableFuture<PubAck>> send) {
    MessageObserver observer = Observations.observer(connection);
    if (observer == null) {
      return send.apply(headers);
    }
    ObservedPublish p = observed(connection, subject, headers, data);
    Observation o = Observations.start(observer, p);
    CompletableFuture<PubAck> ack;
    try {
      ack = send.apply(p.headers());
    } catch (RuntimeException e) {
      Observations.end(o, e);
      throw e;
    }
    ack.whenComplete((a, e) -> Observations.end(o, unwrap(e)));
    return ack;
  }

  /**
   * Runs a consume handler on one message, observed as a JetStream consume delivery.
   *
   * @param connection the connection
   * @param stream the stream
   * @param consumer the consumer
   * @param message the message
   * @param handler the user's handler
   * @return what the handler threw, or null
   */
  public static Throwable handle(
      Connection connection,
      String stream,
      String consumer,
      JsMessage message,
      JsMessageHandler handler) {
    MessageObserver observer = Observations.observer(connection);
    Observation o =
        observer == null
            ? null
            : Observations.start(
                observer,
                ObservedDelivery.jetStream(
                    ObservedDelivery.Kind.JETSTREAM_CONSUME,
                    connection,
                    stream,
                    consumer,
                    List.of(message)));
    Throwable failure = null;
    try {
      handler.onMessage(message);
    } catch (Throwable t) {
      failure = t;
    }
    if (o != null) {
      Observations.end(o, failure);
    }
    return failure;
  }

  /**
   * Reports a fetch's batch.
   *
   * @param connection the connection
   * @param stream the stream
   * @param consumer the consumer
   * @param result the fetch's result
   * @return {@code result}
   */
  public static FetchResult fetched(
      Connection connection, String stream, String consumer, FetchResult result) {
    MessageObserver observer = Observations.observer(connection);
    if (observer != null) {
      List<Message> batch = List.copyOf(result.messages());
      Observation o =
          Observations.start(
              observer,
              ObservedDelivery.jetStream(
                  ObservedDelivery.Kind.JETSTREAM_FETCH, connection, stream, consumer, batch));
      Observations.end(o, result.error().orElse(null));
    }
    return result;
  }

  private static ObservedPublish observed(
      Connection connection, String subject, Headers headers, byte[] data) {
    return ObservedPublish.of(
        ObservedPublish.Kind.JETSTREAM_PUBLISH,
        connection,
        subject,
        null,
        Observations.mutableCopy(headers),
        data.length);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
