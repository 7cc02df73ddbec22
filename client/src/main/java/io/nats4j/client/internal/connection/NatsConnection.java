package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Headers;
import io.nats4j.client.MaxPayloadException;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.MessageObserver;
import io.nats4j.client.MessageObserver.Observation;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.ObservedPublish;
import io.nats4j.client.Options;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.Replies;
import io.nats4j.client.RequestManyEnd;
import io.nats4j.client.RequestManyOptions;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.Statistics;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.client.internal.protocol.HeadersCodec;
import io.nats4j.client.internal.protocol.Nuid;
import io.nats4j.client.internal.protocol.Subjects;
import io.nats4j.client.internal.routing.NatsDispatcher;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.RequestMux;
import io.nats4j.client.internal.routing.Router;
import io.nats4j.client.internal.routing.RoutingHost;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.spi.Observations;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public API of a connection: publish, subscribe, request, flush and drain, delegating the
 * lifecycle to {@link Lifecycle}, routing to the {@link Router}, requests to {@link Requests} and
 * the publish path to {@link Outbound}. It wires the parts together and owns no lifecycle state.
 *
 * <p>Thread-safety: safe from any thread. The publish hot path never takes the lifecycle lock; see
 * {@code docs/THREADING.md}.
 */
public final class NatsConnection implements Connection, RoutingHost {
  private static final Logger LOG = LoggerFactory.getLogger(NatsConnection.class);
  private static final AtomicInteger IDS = new AtomicInteger();

  /** The last subject published, with its validated bytes: the bench publishes one String. */
  private record EncodedSubject(String subject, byte[] bytes) {}

  private final int id;
  private final Options options;
  private final Outbound outbound;
  private final SubscriptionTable table = new SubscriptionTable();
  private final Router router;
  private final Listeners listeners;
  private final Requests requests;
  private final Lifecycle lifecycle;
  private final AtomicInteger dispatcherNames = new AtomicInteger();
  private final ThreadSource threads;
  private final ConnectionScheduler scheduler;
  private final MessageObserver observer; // null when none: the hot paths check it once

  private volatile EncodedSubject lastSubject;

  private NatsConnection(Options options) {
    this.id = IDS.incrementAndGet();
    this.options = options;
    this.observer = options.observer();
    this.threads =
        ThreadSource.of(options.threads().threadFactory(), options.threads().virtualThreads());
    this.scheduler = new ConnectionScheduler(threads, "nats4j-timer-" + id);
    List<ServerAddress> servers = new ArrayList<>();
    options.servers().forEach(url -> servers.add(ServerAddress.parse(url)));
    this.outbound =
        new Outbound(
            options.maxOutboundBytes(),
            options.publishBlockTimeout().toNanos(),
            options.reconnect().bufferBytes(),
            options.maxPingsOut());
    RequestMux mux = new RequestMux(options.inboxPrefix());
    this.router =
        new Router(table, this, mux, options.pendingMessageLimit(), options.pendingByteLimit());
    EventBus events = new EventBus(options.callbackExecutor(), threads, "nats4j-events-" + id);
    this.listeners = new Listeners(id, options, events);
    this.requests = new Requests(mux, table, this, events, scheduler);
    this.lifecycle =
        new Lifecycle(
            id, options, servers, outbound, table, mux, router, events, listeners, threads,
            scheduler);
  }

  /**
   * Connects to the first server of the list that accepts the handshake.
   *
   * @param options the options
   * @return the connected connection
   */
  public static NatsConnection connect(Options options) {
    NatsConnection connection = new NatsConnection(Objects.requireNonNull(options, "options"));
    connection.lifecycle.connectFirst();
    return connection;
  }

  @Override
  public void forceReconnect() {
    lifecycle.forceReconnect();
  }

  // ---------------------------------------------------------------- publish

  @Override
  public void publish(String subject, byte[] data) {
    publish(subject, null, null, data);
  }

  @Override
  public void publish(String subject, String replyTo, byte[] data) {
    publish(subject, replyTo, null, data);
  }

  @Override
  public void publish(Message message) {
    publish(
        message.subject(),
        message.replyTo(),
        message.hasHeaders() ? message.headers() : null,
        message.data());
  }

  @Override
  public void publish(String subject, String replyTo, Headers headers, byte[] data) {
    if (observer == null) {
      publishCounted(subject, replyTo, headers, data);
    } else {
      publishObserved(subject, replyTo, headers, data);
    }
  }

  private void publishObserved(String subject, String replyTo, Headers headers, byte[] data) {
    Objects.requireNonNull(data, "data");
    ObservedPublish p =
        ObservedPublish.of(
            ObservedPublish.Kind.PUBLISH,
            this,
            subject,
            replyTo,
            Observations.mutableCopy(headers),
            data.length);
    Observation o = Observations.start(observer, p);
    try {
      publishCounted(subject, replyTo, p.headers(), data);
    } catch (RuntimeException e) {
      Observations.end(o, e);
      throw e;
    }
    Observations.end(o, null);
  }

  /**
   * Returns the message observer.
   *
   * @return the observer from the options, or null
   */
  public MessageObserver observer() {
    return observer;
  }

  /**
   * Publishes and returns the message's sequence in the outbound stream (for the sibling modules,
   * through {@code Internals}).
   *
   * @param subject the subject
   * @param replyTo the reply subject or null
   * @param headers the headers or null
   * @param data the payload
   * @return the sequence, compared with {@link #lostUpTo()}
   */
  public long publishCounted(String subject, String replyTo, Headers headers, byte[] data) {
    Objects.requireNonNull(data, "data");
    byte[] headerBytes = headers == null || headers.isEmpty() ? null : HeadersCodec.encode(headers);
    return publishEncoded(subject, replyTo, headerBytes, data);
  }

  /**
   * Publishes with a header block already encoded (from {@code NATS/1.0} through the terminating
   * CRLFCRLF), unobserved: for a sibling module that sends many messages whose headers differ in
   * one value only (an atomic batch's sequence), so that nothing is built per message but the
   * block.
   *
   * @param subject the subject
   * @param replyTo the reply subject or null
   * @param headerBytes the encoded header block, or null
   * @param data the payload
   * @return the sequence of this message (see {@link #lostUpTo()})
   */
  public long publishEncoded(String subject, String replyTo, byte[] headerBytes, byte[] data) {
    Objects.requireNonNull(data, "data");
    byte[] replyBytes = replyTo == null ? null : Subjects.validatePublishSubject(replyTo);
    return publishChecked(subject, replyBytes, headerBytes, data, false);
  }

  /**
   * Publishes a sync request: the caller waits for the reply next, so it writes the request to the
   * socket itself when the writer is idle ({@link Outbound#publishNow}).
   *
   * @param subject the subject
   * @param replyBytes the reply subject's bytes, built by the request mux (no validation needed)
   * @param headers the headers or null
   * @param data the payload
   */
  void publishRequestNow(String subject, byte[] replyBytes, Headers headers, byte[] data) {
    Objects.requireNonNull(data, "data");
    byte[] headerBytes = headers == null || headers.isEmpty() ? null : HeadersCodec.encode(headers);
    publishChecked(subject, replyBytes, headerBytes, data, true);
  }

  private long publishChecked(
      String subject, byte[] replyBytes, byte[] headerBytes, byte[] data, boolean now) {
    byte[] subjectBytes = encodeSubject(subject);
    long size = (long) data.length + (headerBytes == null ? 0 : headerBytes.length);
    if (subjectBytes.length + (replyBytes == null ? 0 : replyBytes.length) + 24
        > options.maxControlLine()) {
      checkPublishLine(subject, subjectBytes, replyBytes, headerBytes, size);
    }
    long max = outbound.maxPayload();
    if (size > max) {
      throw new MaxPayloadException(
          "message to "
              + subject
              + " is "
              + size
              + " bytes (headers plus payload) but the server accepts at most "
              + max
              + "; nothing was sent");
    }
    return now
        ? outbound.publishNow(subjectBytes, replyBytes, headerBytes, data)
        : outbound.publish(subjectBytes, replyBytes, headerBytes, data);
  }

  @Override
  public void respond(String serverSubject, Headers headers, byte[] data) {
    // a reply goes out at once on this thread when the writer is idle (Outbound.publishReply);
    // else, from a dispatcher (a service's handler), with the rest of its batch, in one write and
    // one writer wake-up, like acks (WakeDeferral); an observer sees it as a publish
    if (observer != null) {
      publishObserved(serverSubject, null, headers, data);
    } else if (headers == null || headers.isEmpty()) {
      byte[] subjectBytes = serverSubject.getBytes(StandardCharsets.UTF_8);
      Objects.requireNonNull(data, "data");
      if (subjectBytes.length == 0
          || subjectBytes.length + 24 > options.maxControlLine()
          || data.length > outbound.maxPayload()) {
        publishCounted(serverSubject, null, null, data); // the full checks and their errors
        return;
      }
      outbound.publishReply(subjectBytes, data);
    } else {
      publishCounted(serverSubject, null, headers, data);
    }
  }

  /**
   * Publishes without headers or reply to a subject the server gave (a message's reply subject,
   * such as a JetStream ack subject): it was parsed out of a MSG line, so it cannot hold whitespace
   * and is not validated again, and it does not replace the cached subject of {@link #publish}. Its
   * writer wake-up may be held back to the end of a dispatcher's batch ({@link WakeDeferral}).
   *
   * @param serverSubject a reply subject received from the server
   * @param data the payload
   */
  public void publishToServerSubject(String serverSubject, byte[] data) {
    toServerSubject(serverSubject, data, false);
  }

  /**
   * As {@link #publishToServerSubject}, for the ack of a JetStream message: from any thread, it
   * does not wake a writer lingering after a write ({@link Outbound#publishLingering}), so the acks
   * of a batch go out together (with the next pull request, or at the linger's end) instead of in a
   * write each.
   *
   * @param serverSubject a reply subject received from the server
   * @param data the payload
   */
  public void publishLingeringToServerSubject(String serverSubject, byte[] data) {
    toServerSubject(serverSubject, data, true);
  }

  private void toServerSubject(String serverSubject, byte[] data, boolean lingering) {
    byte[] subjectBytes = serverSubject.getBytes(StandardCharsets.UTF_8);
    if (subjectBytes.length == 0
        || subjectBytes.length + 24 > options.maxControlLine()
        || data.length > outbound.maxPayload()) {
      publishCounted(serverSubject, null, null, data); // the full checks and their errors
      return;
    }
    if (lingering) {
      outbound.publishLingering(subjectBytes, data);
    } else {
      outbound.publishHoldable(subjectBytes, data);
    }
  }

  /**
   * Returns the sequence of the last message handed to a transport that was lost since.
   *
   * @return 0 before the first loss
   */
  public long lostUpTo() {
    return outbound.lostUpTo();
  }

  /**
   * Returns the connection's scheduler.
   *
   * @return the scheduler
   */
  @Override
  public ConnectionScheduler scheduler() {
    return scheduler;
  }

  /**
   * Returns where the connection's threads come from.
   *
   * @return the thread source
   */
  public ThreadSource threads() {
    return threads;
  }

  /**
   * The server closes a connection whose PUB/HPUB arguments exceed its {@code max_control_line}:
   * refuse such a publish before anything is written.
   */
  private void checkPublishLine(
      String subject, byte[] subjectBytes, byte[] replyBytes, byte[] headerBytes, long size) {
    long args =
        subjectBytes.length
            + (replyBytes == null ? 0 : 1 + replyBytes.length)
            + (headerBytes == null ? 0 : 1 + Integer.toString(headerBytes.length).length())
            + 1
            + Long.toString(size).length();
    if (args > options.maxControlLine()) {
      throw new IllegalArgumentException(
          "subject and reply subject of the message to "
              + abbreviate(subject)
              + " make a control line of "
              + args
              + " bytes, over the server's max_control_line of "
              + options.maxControlLine()
              + " (Options.maxControlLine); nothing was sent");
    }
  }

  private static String abbreviate(String subject) {
    return subject.length() <= 64 ? subject : subject.substring(0, 64) + "...";
  }

  private byte[] encodeSubject(String subject) {
    EncodedSubject cached = lastSubject;
    if (cached != null && (cached.subject == subject || cached.subject.equals(subject))) {
      return cached.bytes;
    }
    byte[] bytes = Subjects.validatePublishSubject(subject);
    lastSubject = new EncodedSubject(subject, bytes);
    return bytes;
  }

  // ---------------------------------------------------------------- subscribe

  @Override
  public Subscription subscribe(String subject) {
    return router.subscribe(subject, null, null, null);
  }

  @Override
  public Subscription subscribe(String subject, String queue) {
    Objects.requireNonNull(queue, "queue");
    return router.subscribe(subject, queue, null, null);
  }

  @Override
  public Dispatcher defaultDispatcher() {
    return lifecycle.defaultDispatcher(
        () ->
            new NatsDispatcher(
                "default",
                "nats4j-dispatcher-" + id + "-default",
                threads,
                options.threads().dispatcherExecutor(),
                true,
                router,
                lifecycle::forgetDispatcher,
                observer,
                this));
  }

  @Override
  public Dispatcher createDispatcher() {
    return createDispatcher("dispatcher-" + dispatcherNames.incrementAndGet());
  }

  @Override
  public Dispatcher createDispatcher(String name) {
    Objects.requireNonNull(name, "name");
    return lifecycle.addDispatcher(
        () ->
            new NatsDispatcher(
                name,
                "nats4j-dispatcher-" + id + "-" + name,
                threads,
                options.threads().dispatcherExecutor(),
                false,
                router,
                lifecycle::forgetDispatcher,
                observer,
                this));
  }

  // ---------------------------------------------------------------- request/reply

  @Override
  public Message request(String subject, byte[] data, Duration timeout) {
    return request(subject, null, data, timeout);
  }

  @Override
  public Message request(String subject, Headers headers, byte[] data, Duration timeout) {
    if (observer == null) {
      return requests.request(subject, headers, data, timeout);
    }
    ObservedPublish p = observedRequest(subject, headers, data);
    Observation o = Observations.start(observer, p);
    try {
      Message reply = requests.request(subject, p.headers(), data, timeout);
      Observations.end(o, null);
      return reply;
    } catch (RuntimeException e) {
      Observations.end(o, e);
      throw e;
    }
  }

  @Override
  public Replies requestMany(
      String subject, Headers headers, byte[] data, RequestManyOptions options) {
    return requests.requestMany(subject, headers, data, options, totalTimeout(options));
  }

  @Override
  public CompletableFuture<RequestManyEnd> requestMany(
      String subject,
      Headers headers,
      byte[] data,
      RequestManyOptions options,
      MessageHandler onReply) {
    Objects.requireNonNull(onReply, "onReply");
    return requests.requestMany(subject, headers, data, options, onReply, totalTimeout(options));
  }

  private Duration totalTimeout(RequestManyOptions options) {
    // ADR-47: the total timeout defaults to the connection's timeout
    return options.totalTimeout() != null ? options.totalTimeout() : this.options.connectTimeout();
  }

  @Override
  public CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout) {
    return requestAsync(subject, null, data, timeout);
  }

  @Override
  public CompletableFuture<Message> requestAsync(
      String subject, Headers headers, byte[] data, Duration timeout) {
    if (observer == null) {
      return requests.requestAsync(subject, headers, data, timeout);
    }
    ObservedPublish p = observedRequest(subject, headers, data);
    Observation o = Observations.start(observer, p);
    CompletableFuture<Message> reply;
    try {
      reply = requests.requestAsync(subject, p.headers(), data, timeout);
    } catch (RuntimeException e) {
      Observations.end(o, e);
      throw e;
    }
    // a stage added first runs first, on the events thread, before the caller's stages
    reply.whenComplete((m, e) -> Observations.end(o, e == null ? null : Requests.unwrap(e)));
    return reply;
  }

  /**
   * Sends a request the observer does not see as one (for the sibling modules, which observe it as
   * what it is, e.g. a JetStream publish).
   *
   * @param subject the subject
   * @param headers the headers, or null
   * @param data the payload
   * @param timeout how long to wait
   * @return the reply
   */
  public Message requestUnobserved(String subject, Headers headers, byte[] data, Duration timeout) {
    return requests.request(subject, headers, data, timeout);
  }

  private ObservedPublish observedRequest(String subject, Headers headers, byte[] data) {
    Objects.requireNonNull(data, "data");
    return ObservedPublish.of(
        ObservedPublish.Kind.REQUEST,
        this,
        subject,
        null,
        Observations.mutableCopy(headers),
        data.length);
  }

  @Override
  public String createInbox() {
    return options.inboxPrefix() + "." + Nuid.next();
  }

  // ---------------------------------------------------------------- flush, rtt, info

  @Override
  public void flush(Duration timeout) {
    CompletableFuture<Void> pong = outbound.ping();
    try {
      pong.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new NatsTimeoutException(
          "the server did not answer PING within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw Requests.rethrow(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsException("interrupted while flushing", e);
    }
  }

  @Override
  public Duration rtt() {
    long start = System.nanoTime();
    flush(options.connectTimeout());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public Statistics statistics() {
    long[] in = router.counters();
    long[] out = outbound.counters();
    return new Statistics(in[0], in[1], out[0], out[1], lifecycle.reconnects(), in[2]);
  }

  @Override
  public ConnectionStatus status() {
    return lifecycle.status();
  }

  @Override
  public Optional<NatsException> closeReason() {
    return Optional.ofNullable(lifecycle.closeReason());
  }

  @Override
  public Optional<NatsException> lastError() {
    return Optional.ofNullable(lifecycle.lastError());
  }

  @Override
  public ServerInfo serverInfo() {
    return lifecycle.serverInfo();
  }

  @Override
  public String connectedUrl() {
    return lifecycle.connectedUrl();
  }

  // ---------------------------------------------------------------- listeners

  @Override
  public void addConnectionListener(ConnectionListener listener) {
    listeners.add(listener);
  }

  @Override
  public boolean removeConnectionListener(ConnectionListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public void addErrorListener(ErrorListener listener) {
    listeners.add(listener);
  }

  @Override
  public boolean removeErrorListener(ErrorListener listener) {
    return listeners.remove(listener);
  }

  // ---------------------------------------------------------------- RoutingHost

  @Override
  public void sendSubscribe(long sid, String subject, String queue) {
    long args =
        subject.getBytes(StandardCharsets.UTF_8).length
            + (queue == null ? 0 : 1 + queue.getBytes(StandardCharsets.UTF_8).length)
            + 1
            + Long.toString(sid).length();
    if (args > options.maxControlLine()) {
      throw new IllegalArgumentException(
          "the subscription to "
              + abbreviate(subject)
              + " makes a control line of "
              + args
              + " bytes, over the server's max_control_line of "
              + options.maxControlLine()
              + " (Options.maxControlLine); nothing was sent");
    }
    lifecycle.sendSubscribe(sid, subject, queue);
  }

  @Override
  public boolean sendUnsubscribe(long sid, long max) {
    return lifecycle.sendUnsubscribe(sid, max);
  }

  @Override
  public CompletableFuture<Void> ping() {
    return outbound.ping();
  }

  @Override
  public void slowConsumer(NatsSubscription subscription) {
    LOG.debug("slow consumer on {}", subscription);
    listeners.report(new AsyncError.SlowConsumer(subscription), List.of(subscription));
  }

  @Override
  public void malformedMessage(
      NatsSubscription subscription, String subject, ProtocolException error) {
    LOG.debug("malformed message on {}: {}", subscription, error.getMessage());
    listeners.report(
        new AsyncError.MalformedMessage(subscription, subject, error), List.of(subscription));
  }

  @Override
  public void runOnEventThread(Runnable task) {
    lifecycle.runOnEventThread(task);
  }

  // ---------------------------------------------------------------- drain and close

  @Override
  public CompletableFuture<Void> drain(Duration timeout) {
    return Drain.start(lifecycle, table, outbound, scheduler, timeout);
  }

  @Override
  public void close() {
    lifecycle.closeInternal(null);
    if (!Thread.currentThread().getName().startsWith("nats4j-")) {
      try {
        lifecycle.terminated().get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("connection {} did not finish closing in time", id);
      }
    }
  }

  @Override
  public String toString() {
    return lifecycle.toString();
  }
}
