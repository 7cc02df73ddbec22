package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Message;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeErrorListener;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.PushConsumeOptions;
import io.nats4j.jetstream.PushConsumer;
import io.nats4j.jetstream.internal.consume.JsMessageImpl;
import io.nats4j.jetstream.internal.consume.LoggingConsumeErrorListener;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@link PushConsumer} over {@link PushConsume} and {@link PushMessages}. */
public final class PushConsumerImpl implements PushConsumer {

  private final ApiClient api;
  private final String stream;
  private final String name;
  private volatile ConsumerInfo info;

  private PushConsumerImpl(ApiClient api, String stream, String name, ConsumerInfo info) {
    this.api = api;
    this.stream = stream;
    this.name = name;
    this.info = info;
  }

  /**
   * Looks the consumer up and checks that it is a push consumer.
   *
   * @param api the API client
   * @param stream the stream
   * @param name the consumer
   * @return the handle
   * @throws JetStreamException if it is a pull consumer
   */
  public static PushConsumerImpl lookUp(ApiClient api, String stream, String name) {
    ConsumerInfo i = fetch(api, stream, name);
    requirePush(i, stream, name, "get a push consumer handle");
    return new PushConsumerImpl(api, stream, name, i);
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
    ConsumerInfo i = fetch(api, stream, name);
    info = i;
    return i;
  }

  @Override
  public ConsumerInfo cachedInfo() {
    return info;
  }

  @Override
  public ConsumeHandle consume(JsMessageHandler handler) {
    return consume(handler, PushConsumeOptions.defaults());
  }

  @Override
  public ConsumeHandle consume(JsMessageHandler handler, PushConsumeOptions options) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    ConsumerInfo i = bindable("consume");
    Connection connection = api.connection();
    boolean ackNone = i.config().ackPolicy() == AckPolicy.NONE;
    GuardedListener listener = new GuardedListener(options.errorListener());
    Dispatcher dispatcher =
        options.dispatcher() != null ? options.dispatcher() : connection.defaultDispatcher();
    return new PushConsume(
        api,
        dispatcher,
        i,
        raw -> {
          JsMessage m = new JsMessageImpl(raw, connection, ackNone);
          Throwable failure = JsObserving.handle(connection, i.streamName(), i.name(), m, handler);
          if (failure != null) {
            listener.handlerFailed(m, failure);
          }
        },
        listener);
  }

  @Override
  public ConsumerMessages messages() {
    return messages(PushConsumeOptions.defaults());
  }

  @Override
  public ConsumerMessages messages(PushConsumeOptions options) {
    Objects.requireNonNull(options, "options");
    ConsumerInfo i = bindable("read messages");
    boolean ackNone = i.config().ackPolicy() == AckPolicy.NONE;
    PushMessages engine = new PushMessages(api, i, new GuardedListener(options.errorListener()));
    Connection connection = api.connection();
    return new ConsumerMessages() {
      @Override
      public Optional<JsMessage> next(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        Message raw = engine.next(maxWait);
        return raw == null
            ? Optional.empty()
            : Optional.of(new JsMessageImpl(raw, connection, ackNone));
      }

      @Override
      public void stop() {
        engine.stop();
      }

      @Override
      public void close() {
        engine.close();
      }
    };
  }

  /** Fresh info, checked to be a push consumer that this client may subscribe to. */
  private ConsumerInfo bindable(String operation) {
    ConsumerInfo i = info();
    requirePush(i, stream, name, operation);
    String group = i.config().deliverGroup();
    if (i.pushBound() && (group == null || group.isEmpty())) {
      throw new JetStreamException(
          "cannot "
              + operation
              + ": push consumer "
              + name
              + " of stream "
              + stream
              + " already has a subscriber on "
              + i.config().deliverSubject()
              + " and no deliver group; a second one would get every message again. Give the"
              + " consumer a deliver group to share its messages, or stop the other subscriber");
    }
    return i;
  }

  private static void requirePush(ConsumerInfo i, String stream, String name, String operation) {
    String deliver = i.config() == null ? null : i.config().deliverSubject();
    if (deliver == null || deliver.isEmpty()) {
      throw new JetStreamException(
          "cannot "
              + operation
              + ": consumer "
              + name
              + " of stream "
              + stream
              + " is a pull consumer (no deliver subject); read it with"
              + " JetStream.consumer(stream, name)");
    }
  }

  private static ConsumerInfo fetch(ApiClient api, String stream, String name) {
    return api.request("CONSUMER.INFO." + stream + "." + name, null, ConsumerInfo.class);
  }

  /** Calls the user's listener so that a throwing listener harms nothing. */
  private static final class GuardedListener implements PushEvents {
    private static final ConsumeErrorListener DEFAULT = LoggingConsumeErrorListener.INSTANCE;

    private final ConsumeErrorListener listener;

    GuardedListener(ConsumeErrorListener listener) {
      this.listener = listener == null ? DEFAULT : listener;
    }

    @Override
    public void heartbeatsMissed(Duration silence) {
      run(() -> listener.heartbeatsMissed(silence));
    }

    @Override
    public void unexpectedStatus(int code, String description) {
      run(() -> listener.warning(code, description));
    }

    @Override
    public void terminal(JetStreamException cause) {
      run(() -> listener.terminated(cause));
    }

    void handlerFailed(JsMessage message, Throwable error) {
      run(() -> listener.handlerFailed(message, error));
    }

    private static void run(Runnable r) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LoggingConsumeErrorListener.listenerThrew(e);
      }
    }
  }
}
