package io.nats4j.jetstream.internal.consume;

import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.NatsException;
import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeHandle;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.Consumers;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.FetchOptions;
import io.nats4j.jetstream.FetchResult;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.JsMessageHandler;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.internal.ApiClient;
import io.nats4j.jetstream.internal.ApiRecords.ConsumerCreateRequest;
import io.nats4j.jetstream.internal.JsObserving;
import io.nats4j.jetstream.internal.JsonMapper;
import io.nats4j.jetstream.internal.Responses;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The ordered consumer (ADR-17 on pull). Owns the position (the last stream sequence handed to the
 * user) and makes the server consumers: {@code <prefix>_<n>}, ack none, max deliver 1, memory, R1,
 * starting at the next expected stream sequence once something was delivered. The reads live in
 * {@link OrderedConsume} (handler), {@link OrderedIterator} (messages) and here (fetch, next).
 *
 * <p>Thread-safety: the position and the busy flag are guarded by this object's monitor, held only
 * for field updates (never across I/O).
 */
public final class OrderedConsumerImpl implements OrderedConsumer {
  // a fetch that meets a gap before any message reads on from a new consumer at most this often
  private static final int MAX_GAP_ROUNDS = 3;
  // a retry within a fetch is not worth less than this
  private static final Duration MIN_RETRY_WAIT = Duration.ofMillis(50);

  private final ApiClient api;
  private final Consumers consumers;
  private final String stream;
  private final OrderedConsumerConfig config;
  private final String prefix;
  private final AtomicLong serial = new AtomicLong();
  private volatile ConsumerInfo currentInfo;
  private long lastStreamSequence;
  // where the first server consumer started (its first stream sequence), 0 until it is known: a
  // consumer replaced before it delivered anything restarts there, not at its deliver policy again
  private long firstStartSequence;
  private boolean busy;
  // fetch/next state: the consumer they read and the next consumer sequence expected from it
  private String fetchConsumer;
  private long fetchExpected;
  private volatile LongConsumer beforeRecorded;

  /**
   * Makes the ordered consumer; nothing is sent.
   *
   * @param api the API client
   * @param consumers consumer management
   * @param stream the stream
   * @param config what to read
   */
  public OrderedConsumerImpl(
      ApiClient api, Consumers consumers, String stream, OrderedConsumerConfig config) {
    this.api = api;
    this.consumers = consumers;
    this.stream = stream;
    this.config = config;
    if (config.namePrefix() != null) {
      this.prefix = config.namePrefix();
    } else {
      String inbox = api.connection().createInbox();
      this.prefix = "oc_" + inbox.substring(inbox.lastIndexOf('.') + 1);
    }
  }

  ApiClient api() {
    return api;
  }

  String stream() {
    return stream;
  }

  @Override
  public ConsumerInfo currentInfo() {
    return currentInfo;
  }

  void delivered(long streamSequence) {
    LongConsumer probe = beforeRecorded;
    if (probe != null) {
      probe.accept(streamSequence);
    }
    synchronized (this) {
      lastStreamSequence = streamSequence;
    }
  }

  /**
   * Test seam: {@code probe} runs on the reading thread before each delivered position is recorded,
   * where a test holds a delivery to race a reset against it ({@code OrderedConsumeResetRaceIT}).
   */
  void beforeRecorded(LongConsumer probe) {
    this.beforeRecorded = probe;
  }

  synchronized long nextStreamSequence() {
    return lastStreamSequence > 0 || firstStartSequence == 0
        ? lastStreamSequence + 1
        : firstStartSequence;
  }

  /** Records a created server consumer; the first one fixes where the ordered read starts. */
  private void created(ConsumerInfo info) {
    synchronized (this) {
      if (firstStartSequence == 0 && lastStreamSequence == 0 && info.delivered() != null) {
        // the server reports a new consumer as having delivered up to its start sequence - 1
        firstStartSequence = info.delivered().streamSeq() + 1;
      }
    }
    currentInfo = info;
  }

  synchronized void acquire(String what) {
    if (busy) {
      throw new IllegalStateException(
          "cannot "
              + what
              + ": this ordered consumer of stream "
              + stream
              + " is already being read by a consume or messages iterator; stop it first");
    }
    busy = true;
  }

  synchronized void release() {
    busy = false;
  }

  private ConsumerConfig nextConfig() {
    String name = prefix + "_" + serial.incrementAndGet();
    ConsumerConfig.Builder b =
        ConsumerConfig.builder()
            .name(name)
            .ackPolicy(AckPolicy.NONE)
            .maxDeliver(1)
            .memStorage(true)
            .numReplicas(1)
            .inactiveThreshold(config.inactiveThreshold())
            .headersOnly(config.headersOnly());
    if (config.replayPolicy() != null) {
      b.replayPolicy(config.replayPolicy());
    }
    if (config.filterSubjects().size() == 1) {
      b.filterSubject(config.filterSubjects().get(0));
    } else if (config.filterSubjects().size() > 1) {
      b.filterSubjects(config.filterSubjects());
    }
    long start;
    synchronized (this) {
      start = lastStreamSequence > 0 ? lastStreamSequence + 1 : firstStartSequence;
    }
    if (start > 0) {
      // ADR-17: a replacement starts right after what was delivered, or, when nothing was, where
      // the first consumer started (its deliver policy, NEW or LAST_PER_SUBJECT, would now skip
      // what was published in between)
      b.deliverPolicy(DeliverPolicy.BY_START_SEQUENCE).optStartSeq(start);
    } else {
      b.deliverPolicy(config.deliverPolicy());
      if (config.deliverPolicy() == DeliverPolicy.BY_START_SEQUENCE) {
        b.optStartSeq(config.startSequence());
      } else if (config.deliverPolicy() == DeliverPolicy.BY_START_TIME) {
        b.optStartTime(config.startTime());
      }
    }
    return b.build();
  }

  /** Creates the next server consumer, blocking. */
  ConsumerInfo createSync() {
    ConsumerInfo info = consumers.create(stream, nextConfig());
    created(info);
    return info;
  }

  /** Creates the next server consumer without blocking; completes on the events thread. */
  CompletableFuture<ConsumerInfo> createAsync() {
    ConsumerConfig c = nextConfig();
    byte[] body = JsonMapper.write(new ConsumerCreateRequest(stream, c, "create"));
    String subject = api.subject("CONSUMER.CREATE." + stream + "." + c.name());
    try {
      return api.connection()
          .requestAsync(subject, body, api.options().requestTimeout())
          .thenApply(
              reply -> {
                ConsumerInfo info = Responses.read(reply.data(), ConsumerInfo.class);
                created(info);
                return info;
              });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Deletes a server consumer no longer used, without waiting. */
  void deleteAsync(String name) {
    try {
      api.connection()
          .requestAsync(
              api.subject("CONSUMER.DELETE." + stream + "." + name),
              new byte[0],
              api.options().requestTimeout());
    } catch (RuntimeException e) {
      // closed or disconnected: the inactive threshold removes it
    }
  }

  /** True when a creation failure means the ordered consumer cannot go on. */
  static boolean fatal(Throwable error) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return e instanceof JetStreamApiException api
        && (api.errorCode() == JetStreamApiException.STREAM_NOT_FOUND
            || api.apiCode() == 400
                && api.errorCode() != JetStreamApiException.CONSUMER_CREATE_FAILED);
  }

  static Duration backoff(int attempt) {
    long ms = Math.min(5_000, 100L << Math.min(attempt, 6));
    return Duration.ofMillis(ms);
  }

  @Override
  public Optional<JsMessage> next(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    FetchResult r = fetch(FetchOptions.builder().maxMessages(1).expiresIn(maxWait).build());
    return r.isEmpty() ? Optional.empty() : Optional.of(r.messages().get(0));
  }

  @Override
  public FetchResult fetch(FetchOptions options) {
    Objects.requireNonNull(options, "options");
    acquire("fetch");
    try {
      long deadline = System.nanoTime() + options.expiresIn().toNanos();
      FetchOptions attempt = options;
      for (int round = 1; ; round++) {
        boolean reused = fetchConsumer != null;
        if (!reused) {
          // a no-wait fetch gets one attempt
          createForFetch(options.noWait() ? System.nanoTime() : deadline);
        }
        String consumer = fetchConsumer;
        Fetcher.Outcome o;
        try {
          o = fetchOnce(attempt);
        } catch (JetStreamException e) {
          dropFetchConsumer();
          // A consumer kept from an earlier call may be gone (its inactive threshold passed, its
          // server restarted): go on with a new one from the last delivered sequence, once.
          FetchOptions rest = reused ? remainder(options, deadline) : null;
          if (rest == null) {
            throw e;
          }
          attempt = rest;
          continue;
        }
        if (o.gap()
            || o.end() == FetchResult.End.ERROR
            || o.end() == FetchResult.End.HEARTBEATS_MISSED
            || o.end() == FetchResult.End.EXPIRED && o.messages().isEmpty()) {
          // an expired empty pull may have gone to a consumer lost with its server (interest
          // not yet gone, so no 503): the next call starts a new one from the last delivered
          dropFetchConsumer();
        }
        if (o.gap() && o.messages().isEmpty() && round < MAX_GAP_ROUNDS) {
          // nothing usable came before the gap: read on from a new consumer, within the time left
          FetchOptions rest = remainder(options, deadline);
          if (rest != null) {
            attempt = rest;
            continue;
          }
        }
        return JsObserving.fetched(api.connection(), stream, consumer, o.result());
      }
    } finally {
      release();
    }
  }

  /**
   * Makes the server consumer a fetch reads. A failure that an election explains (no answer in
   * time, JetStream unavailable, a 503) is retried with backoff while the fetch has time left, then
   * reported as a {@link JetStreamException}, as every failure of a fetch is; a request that cannot
   * succeed (the stream is gone, the request is refused, the connection is closed) fails at once.
   */
  private void createForFetch(long deadline) {
    for (int attempt = 0; ; attempt++) {
      try {
        fetchConsumer = createSync().name();
        fetchExpected = 1;
        return;
      } catch (NatsException e) {
        if (fatal(e) || e instanceof ConnectionClosedException) {
          throw e;
        }
        long left = deadline - System.nanoTime();
        if (left < MIN_RETRY_WAIT.toNanos()) {
          throw new JetStreamException(
              "cannot fetch from the ordered consumer of stream "
                  + stream
                  + ": its server consumer could not be created before the fetch expired ("
                  + e.getMessage()
                  + "); JetStream may be electing a leader, fetch again",
              e);
        }
        LockSupport.parkNanos(Math.min(backoff(attempt).toNanos(), left));
        if (Thread.currentThread().isInterrupted()) {
          throw new JetStreamException(
              "fetch from the ordered consumer of stream " + stream + " interrupted", e);
        }
      }
    }
  }

  private Fetcher.Outcome fetchOnce(FetchOptions options) {
    PullTarget target = new PullTarget(api, stream, fetchConsumer, true);
    return Fetcher.fetch(
        target,
        options,
        m -> {
          if (m.metadata().consumerSequence() != fetchExpected) {
            return false;
          }
          fetchExpected++;
          delivered(m.metadata().streamSequence());
          return true;
        });
  }

  /**
   * The same fetch for the time left until {@code deadline}; null when none is left. A no-wait
   * fetch is simply asked again.
   */
  private static FetchOptions remainder(FetchOptions o, long deadline) {
    if (o.noWait()) {
      return o;
    }
    long left = deadline - System.nanoTime();
    if (left < MIN_RETRY_WAIT.toNanos()) {
      return null;
    }
    Duration expires = Duration.ofNanos(left);
    FetchOptions.Builder b = FetchOptions.builder().maxMessages(o.maxMessages()).expiresIn(expires);
    if (o.maxBytes() > 0) {
      b.maxBytes(o.maxBytes());
    }
    if (o.priority() != null) {
      b.priority(o.priority());
    }
    if (o.idleHeartbeat() != null && o.idleHeartbeat().multipliedBy(2).compareTo(expires) <= 0) {
      b.idleHeartbeat(o.idleHeartbeat());
    }
    return b.build();
  }

  private void dropFetchConsumer() {
    if (fetchConsumer != null) {
      deleteAsync(fetchConsumer);
      fetchConsumer = null;
    }
  }

  @Override
  public ConsumeHandle consume(JsMessageHandler handler, ConsumeOptions options) {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    acquire("consume");
    try {
      dropFetchConsumer();
      return new OrderedConsume(this, handler, options);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  @Override
  public ConsumerMessages messages(ConsumeOptions options) {
    Objects.requireNonNull(options, "options");
    acquire("iterate");
    try {
      dropFetchConsumer();
      return new OrderedIterator(this, options);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
  }

  @Override
  public String toString() {
    return "OrderedConsumer[stream=" + stream + ", prefix=" + prefix + "]";
  }
}
