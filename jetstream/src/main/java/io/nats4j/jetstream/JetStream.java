package io.nats4j.jetstream;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.NoRespondersException;
import io.nats4j.client.internal.spi.Internals;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.AsyncPublisher;
import io.nats4j.jetstream.internal.JsObserving;
import io.nats4j.jetstream.internal.PublishHeaders;
import io.nats4j.jetstream.internal.PushConsumerImpl;
import io.nats4j.jetstream.internal.Responses;
import io.nats4j.jetstream.internal.batch.BatchIds;
import io.nats4j.jetstream.internal.batch.FastIngest;
import io.nats4j.jetstream.internal.consume.OrderedConsumerImpl;
import io.nats4j.jetstream.internal.consume.PullConsumerContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A JetStream context on a connection: publishing with acks, and the entry to stream and consumer
 * management.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://127.0.0.1:4222");
 *     JetStream js = JetStream.of(nc)) {
 *   js.streams().create(StreamConfig.builder("ORDERS").subjects("orders.>").build());
 *   PubAck ack = js.publish("orders.new", data, PublishOptions.builder().messageId("o-1").build());
 *   CompletableFuture<PubAck> later = js.publishAsync("orders.new", data);
 *   js.waitForOutstandingAcks(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p><b>Sync publish</b> is a request: it waits up to {@link JetStreamOptions#publishAckTimeout()}
 * for the ack and retries {@link JetStreamOptions#publishRetryAttempts()} times, with a doubling
 * wait, when no stream answered (503: the stream is not there yet or JetStream is not ready,
 * ADR-22). A message with a message id is also resent when its ack times out, which is what a
 * publish meets while an R3 stream elects a new leader (the followers drop it); the stream's
 * duplicate window makes the resend safe. Without a message id a timeout is thrown at once, since
 * the message may have been stored.
 *
 * <p><b>Async publish</b> returns at once with a future ack. At most {@link
 * JetStreamOptions#maxOutstandingAcks()} acks are outstanding; when the window is full the publish
 * blocks or fails with {@link PublishWindowFullException}, per {@link
 * JetStreamOptions#windowFullPolicy()}. Futures complete on this context's ack thread (keep
 * dependent stages short), in publish order for one stream. An ack that does not arrive in time
 * fails with {@link NatsTimeoutException}; when the connection drops, every outstanding ack fails
 * with a {@link JetStreamException} saying so. Async publishes are not retried: republish failed
 * ones, with a message id so the stream drops duplicates.
 *
 * <p><b>Batches, schedules, counters</b>: {@link #atomicBatch()} (all or nothing, ADR-50), {@link
 * #fastPublisher()} (flow-controlled bulk ingest, ADR-50), {@link #schedule} (delayed and repeating
 * messages, ADR-51) and {@link #counter} (distributed counters, ADR-49).
 *
 * <p>Fields and headers that need a newer server (ADR-44) are checked against the server's INFO
 * {@code api_lvl} before anything is sent, failing with {@link ApiLevelException}.
 *
 * <p>Lifecycle: {@link #close()} stops the ack thread and fails outstanding acks; it does not close
 * the connection. Closing the connection also fails them.
 *
 * <p>Thread-safety: safe from any thread.
 */
public final class JetStream implements AutoCloseable {
  private final ApiClient api;
  private final Streams streams;
  private final Consumers consumers;
  private final AsyncPublisher asyncPublisher;

  private JetStream(Connection connection, JetStreamOptions options) {
    this.api = new ApiClient(connection, options);
    this.streams = new Streams(api);
    this.consumers = new Consumers(api);
    this.asyncPublisher = new AsyncPublisher(connection, options);
  }

  /**
   * Creates a context with the default options.
   *
   * @param connection an open connection
   * @return the context
   */
  public static JetStream of(Connection connection) {
    return of(connection, JetStreamOptions.defaults());
  }

  /**
   * Creates a context.
   *
   * @param connection an open connection
   * @param options prefix/domain, timeouts, publish window and retries
   * @return the context
   */
  public static JetStream of(Connection connection, JetStreamOptions options) {
    return new JetStream(
        Objects.requireNonNull(connection, "connection"),
        Objects.requireNonNull(options, "options"));
  }

  /**
   * Returns the connection this context works on (for layers built on JetStream, such as Key/Value
   * watches that need their own dispatcher or the server's max payload).
   *
   * @return the connection
   */
  public Connection connection() {
    return api.connection();
  }

  /**
   * Returns the options.
   *
   * @return the options
   */
  public JetStreamOptions options() {
    return api.options();
  }

  /**
   * Returns the API level used to decide which fields may be sent: the server's {@code api_lvl},
   * capped by {@link JetStreamOptions#assumedApiLevel()}.
   *
   * @return the level (0 for servers before 2.11)
   */
  public int apiLevel() {
    return api.apiLevel();
  }

  /**
   * Returns the account's JetStream usage and limits.
   *
   * @return the account info
   * @throws JetStreamApiException e.g. {@link
   *     JetStreamApiException#JETSTREAM_NOT_ENABLED_FOR_ACCOUNT}
   * @throws JetStreamException if JetStream is not enabled at all (nothing answers)
   */
  public AccountInfo accountInfo() {
    return api.request("INFO", null, AccountInfo.class);
  }

  /**
   * Returns stream management and message access.
   *
   * @return the streams API
   */
  public Streams streams() {
    return streams;
  }

  /**
   * Returns consumer management.
   *
   * @return the consumers API
   */
  public Consumers consumers() {
    return consumers;
  }

  /**
   * Returns a handle on an existing pull consumer, to read it with {@code next}, {@code fetch},
   * {@code consume} or {@code messages}.
   *
   * @param stream the stream
   * @param consumerName the consumer (durable or ephemeral name)
   * @return the handle
   * @throws IllegalArgumentException if a name is invalid (nothing sent)
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} or {@link
   *     JetStreamApiException#STREAM_NOT_FOUND} if it does not exist
   */
  public ConsumerContext consumer(String stream, String consumerName) {
    Names.requireValidName("stream name", stream);
    Names.requireValidName("consumer name", consumerName);
    return PullConsumerContext.lookUp(api, stream, consumerName);
  }

  /**
   * Returns an ordered consumer on a stream (ADR-17): each message once, in stream order, no acks.
   * Nothing is sent until the first read.
   *
   * @param stream the stream
   * @param config subjects, start, replay, headers only
   * @return the ordered consumer
   * @throws IllegalArgumentException if the stream name is invalid
   */
  public OrderedConsumer orderedConsumer(String stream, OrderedConsumerConfig config) {
    Names.requireValidName("stream name", stream);
    return new OrderedConsumerImpl(
        api, consumers, stream, Objects.requireNonNull(config, "config"));
  }

  /**
   * Publishes and waits for the ack.
   *
   * @param subject a subject a stream captures
   * @param data the payload
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message
   * @throws NoRespondersException if no stream answered, after the retries
   * @throws NatsTimeoutException if no ack came in time
   */
  public PubAck publish(String subject, byte[] data) {
    return publish(subject, null, data, PublishOptions.NONE);
  }

  /**
   * Publishes with options and waits for the ack.
   *
   * @param subject a subject a stream captures
   * @param data the payload
   * @param options message id, expectations, TTL
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message, e.g. an expectation failed
   * @throws NoRespondersException if no stream answered, after the retries
   * @throws NatsTimeoutException if no ack came in time
   */
  public PubAck publish(String subject, byte[] data, PublishOptions options) {
    return publish(subject, null, data, options);
  }

  /**
   * Publishes with headers and options and waits for the ack.
   *
   * @param subject a subject a stream captures
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @param options message id, expectations, TTL
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message, e.g. an expectation failed
   * @throws NoRespondersException if no stream answered, after the retries
   * @throws NatsTimeoutException if no ack came in time (after the retries, with a message id)
   * @throws ApiLevelException if an option needs a newer server
   */
  public PubAck publish(String subject, Headers headers, byte[] data, PublishOptions options) {
    Headers prepared = prepare(headers, options);
    return JsObserving.publish(
        api.connection(), subject, prepared, data, h -> publishWithRetries(subject, h, data));
  }

  private PubAck publishWithRetries(String subject, Headers h, byte[] data) {
    JetStreamOptions o = api.options();
    Duration wait = o.publishRetryWait();
    for (int attempt = 0; ; attempt++) {
      try {
        Message reply =
            Internals.requestUnobserved(api.connection(), subject, h, data, o.publishAckTimeout());
        return Responses.pubAck(subject, reply);
      } catch (NoRespondersException e) {
        if (attempt >= o.publishRetryAttempts()) {
          throw e;
        }
        sleep(wait);
        wait = wait.multipliedBy(2);
      } catch (NatsTimeoutException e) {
        // Followers drop publishes while a stream elects a leader, so the request times out
        // instead of meeting no responders. Resending is only safe when the stream can drop a
        // duplicate: the message carries a message id.
        if (attempt >= o.publishRetryAttempts()
            || h == null
            || h.first(PublishHeaders.MSG_ID) == null) {
          throw e;
        }
      }
    }
  }

  /**
   * Publishes a message (its subject, headers and data) and waits for the ack. The message's reply
   * subject is not used: the ack comes back on the connection's own inbox.
   *
   * <pre>{@code
   * Message m = Message.builder("orders.new")
   *     .headers(new Headers().add("Trace", "t-1"))
   *     .data("order 1")
   *     .build();
   * PubAck ack = js.publish(m, PublishOptions.builder().messageId("o-1").build());
   * }</pre>
   *
   * @param message the message; its headers are not modified
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message
   * @throws NoRespondersException if no stream answered, after the retries
   * @throws NatsTimeoutException if no ack came in time
   */
  public PubAck publish(Message message) {
    return publish(message, PublishOptions.NONE);
  }

  /**
   * Publishes a message with options and waits for the ack; see {@link #publish(Message)}.
   *
   * @param message the message; its headers are not modified
   * @param options message id, expectations, TTL (added to the message's headers)
   * @return the ack
   * @throws JetStreamApiException if the stream refused the message, e.g. an expectation failed
   * @throws NoRespondersException if no stream answered, after the retries
   * @throws NatsTimeoutException if no ack came in time (after the retries, with a message id)
   * @throws ApiLevelException if an option needs a newer server
   */
  public PubAck publish(Message message, PublishOptions options) {
    return publish(message.subject(), headersOf(message), message.data(), options);
  }

  /**
   * Publishes a message without waiting; the future completes with the ack. The message's reply
   * subject is not used.
   *
   * @param message the message; its headers are not modified
   * @return the future ack
   * @throws PublishWindowFullException if the window of outstanding acks is full (nothing sent)
   */
  public CompletableFuture<PubAck> publishAsync(Message message) {
    return publishAsync(message, PublishOptions.NONE);
  }

  /**
   * Publishes a message with options without waiting; see {@link #publishAsync(String, Headers,
   * byte[], PublishOptions)} for how the future completes.
   *
   * @param message the message; its headers are not modified
   * @param options message id, expectations, TTL (added to the message's headers)
   * @return the future ack
   * @throws PublishWindowFullException if the window of outstanding acks is full (nothing sent)
   * @throws ApiLevelException if an option needs a newer server (nothing sent)
   */
  public CompletableFuture<PubAck> publishAsync(Message message, PublishOptions options) {
    return publishAsync(message.subject(), headersOf(message), message.data(), options);
  }

  private static Headers headersOf(Message message) {
    return message.hasHeaders() ? message.headers() : null;
  }

  /**
   * Publishes without waiting; the future completes with the ack.
   *
   * @param subject a subject a stream captures
   * @param data the payload
   * @return the future ack
   * @throws PublishWindowFullException if the window of outstanding acks is full
   */
  public CompletableFuture<PubAck> publishAsync(String subject, byte[] data) {
    return publishAsync(subject, null, data, PublishOptions.NONE);
  }

  /**
   * Publishes with options without waiting; the future completes with the ack.
   *
   * @param subject a subject a stream captures
   * @param data the payload
   * @param options message id, expectations, TTL
   * @return the future ack
   * @throws PublishWindowFullException if the window of outstanding acks is full
   */
  public CompletableFuture<PubAck> publishAsync(
      String subject, byte[] data, PublishOptions options) {
    return publishAsync(subject, null, data, options);
  }

  /**
   * Publishes with headers and options without waiting; the future completes with the ack, or fails
   * with {@link JetStreamApiException} (refused), {@link NoRespondersException} (no stream), {@link
   * NatsTimeoutException} (no ack in time) or {@link JetStreamException} (connection lost).
   *
   * @param subject a subject a stream captures
   * @param headers the headers, or null (not modified)
   * @param data the payload
   * @param options message id, expectations, TTL
   * @return the future ack
   * @throws PublishWindowFullException if the window of outstanding acks is full (nothing sent)
   * @throws ApiLevelException if an option needs a newer server (nothing sent)
   * @throws IllegalArgumentException if the subject is invalid (nothing sent)
   * @throws ConnectionClosedException if the connection is closed
   */
  public CompletableFuture<PubAck> publishAsync(
      String subject, Headers headers, byte[] data, PublishOptions options) {
    Headers prepared = prepare(headers, options);
    return JsObserving.publishAsync(
        api.connection(), subject, prepared, data, h -> asyncPublisher.publish(subject, h, data));
  }

  /**
   * Starts an atomic batch with a generated id (ADR-50; the stream needs {@code allow_atomic}): a
   * random prefix drawn once per process and a counter, 11 to 23 characters (short, since every
   * message of the batch carries it).
   *
   * @return the batch; nothing is sent before its first {@code add}
   * @throws ApiLevelException if the server is older than 2.12 (API level 2)
   */
  public AtomicBatch atomicBatch() {
    return atomicBatch(BatchIds.next());
  }

  /**
   * Starts an atomic batch with the given id (ADR-50).
   *
   * @param batchId 1 to 64 characters, unique among the stream's batches in flight
   * @return the batch
   * @throws IllegalArgumentException if the id is empty, longer than 64 or not a header value
   * @throws ApiLevelException if the server is older than 2.12 (API level 2)
   */
  public AtomicBatch atomicBatch(String batchId) {
    requireLevel("atomic batch publish (allow_atomic)", ApiLevels.COUNTERS_ATOMIC_SCHEDULES);
    return new AtomicBatch(api, batchId);
  }

  /**
   * Starts a fast-ingest batch with the default flow options (ADR-50; the stream needs {@code
   * allow_batched}).
   *
   * @return the publisher; nothing is sent before its first {@code add}
   * @throws ApiLevelException if the server is older than 2.14 (API level 4)
   */
  public FastPublisher fastPublisher() {
    return fastPublisher(FastPublishOptions.defaults());
  }

  /**
   * Starts a fast-ingest batch (ADR-50).
   *
   * @param options flow, outstanding acks, gap mode, listener
   * @return the publisher
   * @throws ApiLevelException if the server is older than 2.14 (API level 4)
   */
  public FastPublisher fastPublisher(FastPublishOptions options) {
    requireLevel(
        "fast-ingest batch publish (allow_batched)", ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL);
    return new FastPublisher(
        new FastIngest(
            api.connection(),
            Objects.requireNonNull(options, "options"),
            api.options().publishAckTimeout()));
  }

  /**
   * Publishes a schedule (ADR-51; the stream needs {@code allow_msg_schedules}) and waits for the
   * ack. The stream publishes {@code data} (with {@code headers}) to the schedule's target at the
   * scheduled times.
   *
   * @param subject the schedule's own subject (one schedule per subject; a new one replaces it)
   * @param schedule the schedule
   * @param headers more headers for the produced messages, or null (not modified)
   * @param data the body of the produced messages
   * @return the ack of the stored schedule
   * @throws IllegalArgumentException if the target or source equals {@code subject}
   * @throws ApiLevelException if the server does not support the schedule (nothing sent)
   * @throws JetStreamApiException if the stream refused it, e.g. 10188 schedules not enabled
   */
  public PubAck schedule(String subject, MessageSchedule schedule, Headers headers, byte[] data) {
    Objects.requireNonNull(schedule, "schedule").checkSubject(subject);
    api.require(schedule.requirements());
    return publish(subject, schedule.headers(headers), data, PublishOptions.NONE);
  }

  /**
   * Returns the counters of a counter stream (ADR-49; the stream needs {@code allow_msg_counter}).
   * Nothing is sent.
   *
   * @param stream the stream
   * @return the counters
   * @throws IllegalArgumentException if the name is invalid
   * @throws ApiLevelException if the server is older than 2.12 (API level 2)
   */
  public Counter counter(String stream) {
    Names.requireValidName("stream name", stream);
    requireLevel("counters (allow_msg_counter)", ApiLevels.COUNTERS_ATOMIC_SCHEDULES);
    return new Counter(this, stream);
  }

  void requireLevel(String feature, int level) {
    api.require(java.util.List.of(new ApiLevels.Requirement(feature, level)));
  }

  /**
   * Returns a handle on an existing push consumer (one with a deliver subject), to read it with
   * {@code consume} or {@code messages}. Pull consumers are read through {@code consumer(stream,
   * name)}.
   *
   * @param stream the stream
   * @param consumerName the consumer (durable or ephemeral name)
   * @return the handle
   * @throws IllegalArgumentException if a name is invalid (nothing sent)
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} or {@link
   *     JetStreamApiException#STREAM_NOT_FOUND} if it does not exist
   * @throws JetStreamException if it is a pull consumer
   */
  public PushConsumer pushConsumer(String stream, String consumerName) {
    Names.requireValidName("stream name", stream);
    Names.requireValidName("consumer name", consumerName);
    return PushConsumerImpl.lookUp(api, stream, consumerName);
  }

  /**
   * Returns how many async publishes wait for their acks.
   *
   * @return the count
   */
  public int outstandingAcks() {
    return asyncPublisher.outstanding();
  }

  /**
   * Waits until every async publish outstanding now has its ack (or has failed).
   *
   * @param timeout how long to wait
   * @throws NatsTimeoutException if some are still outstanding after the timeout
   */
  public void waitForOutstandingAcks(Duration timeout) {
    asyncPublisher.waitForOutstanding(timeout);
  }

  /**
   * Stops the ack thread and fails outstanding async acks. The connection stays open. Idempotent.
   */
  @Override
  public void close() {
    asyncPublisher.close();
  }

  private Headers prepare(Headers headers, PublishOptions options) {
    PublishOptions o = options == null ? PublishOptions.NONE : options;
    if (o != PublishOptions.NONE) {
      api.require(PublishHeaders.requirements(o));
    }
    return PublishHeaders.merge(headers, o);
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JetStreamException("interrupted while waiting to retry a publish", e);
    }
  }
}
