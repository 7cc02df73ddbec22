package io.nats4j.jetstream.internal.consume;

import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerContext;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.JsObserving;
import io.nats4j.jetstream.internal.PriorityLevels;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@link ConsumerContext} of a named pull consumer. */
public final class PullConsumerContext implements ConsumerContext {
  private final ApiClient api;
  private final String stream;
  private final String name;

  /** The pin of a pinned priority group, shared by every pull form of this handle (nats.go). */
  private final PullPin pin = new PullPin();

  private volatile ConsumerInfo info;

  /**
   * Looks the consumer up and makes the handle.
   *
   * @param api the API client
   * @param stream the stream
   * @param name the consumer
   * @return the handle
   */
  public static PullConsumerContext lookUp(ApiClient api, String stream, String name) {
    ConsumerInfo info = fetchInfo(api, stream, name);
    return new PullConsumerContext(api, stream, name, info);
  }

  private PullConsumerContext(ApiClient api, String stream, String name, ConsumerInfo info) {
    this.api = api;
    this.stream = stream;
    this.name = name;
    this.info = info;
  }

  private static ConsumerInfo fetchInfo(ApiClient api, String stream, String name) {
    return api.request("CONSUMER.INFO." + stream + "." + name, null, ConsumerInfo.class);
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ConsumerInfo info() {
    ConsumerInfo i = fetchInfo(api, stream, name);
    info = i;
    return i;
  }

  @Override
  public ConsumerInfo cachedInfo() {
    return info;
  }

  private PullTarget target(String operation) {
    ConsumerInfo i = info;
    String deliver = i.config() == null ? null : i.config().deliverSubject();
    if (deliver != null && !deliver.isEmpty()) {
      throw new JetStreamException(
          "cannot "
              + operation
              + ": consumer "
              + name
              + " of stream "
              + stream
              + " is a push consumer (deliver subject "
              + deliver
              + "); pull calls need a consumer without a deliver subject");
    }
    boolean ackNone = i.config() != null && i.config().ackPolicy() == AckPolicy.NONE;
    return new PullTarget(api, stream, name, ackNone, pin);
  }

  @Override
  public Optional<JsMessage> next(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    FetchOptions o = FetchOptions.builder().maxMessages(1).expiresIn(maxWait).build();
    FetchResult r = fetch(o);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.messages().get(0));
  }

  @Override
  public FetchResult fetch(FetchOptions options) {
    Objects.requireNonNull(options, "options");
    api.require(PriorityLevels.of(options.priority()));
    PullTarget t = target("fetch");
    return JsObserving.fetched(
        t.connection, t.stream, t.consumer, Fetcher.fetch(t, options, null).result());
  }

  @Override
  public ConsumeHandle consume(JsMessageHandler handler, ConsumeOptions options) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    api.require(PriorityLevels.of(options.priority()));
    return new HandlerConsume(target("consume"), handler, options);
  }

  @Override
  public ConsumerMessages messages(ConsumeOptions options) {
    Objects.requireNonNull(options, "options");
    api.require(PriorityLevels.of(options.priority()));
    return new IteratorConsume(target("iterate"), options);
  }

  @Override
  public String toString() {
    return "ConsumerContext[stream=" + stream + ", consumer=" + name + "]";
  }
}
