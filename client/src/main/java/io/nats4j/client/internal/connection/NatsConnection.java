package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import io.nats4j.client.AuthenticationException;
import io.nats4j.client.AuthorizationException;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Headers;
import io.nats4j.client.MaxPayloadException;
import io.nats4j.client.Message;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.Statistics;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.protocol.HeadersCodec;
import io.nats4j.client.internal.protocol.Info;
import io.nats4j.client.internal.protocol.Nuid;
import io.nats4j.client.internal.protocol.ProtocolParser;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.protocol.Subjects;
import io.nats4j.client.internal.routing.NatsDispatcher;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.RequestMux;
import io.nats4j.client.internal.routing.Router;
import io.nats4j.client.internal.routing.RoutingHost;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.transport.Transport;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection: lifecycle (the state machine), the public API, and the glue between the rooms.
 *
 * <p>Thread-safety: the lifecycle state ({@code status}, the current transport, reader thread and
 * dispatchers) has one owner, {@code stateLock}; every transition happens in a {@code synchronized
 * (stateLock)} block and fires exactly one event through the {@link EventBus}. The outbound buffer
 * has its own lock (the publish hot path never takes {@code stateLock}); routing state lives in the
 * subscription table and queues. See {@code docs/THREADING.md}.
 */
public final class NatsConnection implements Connection, RoutingHost, InboundReader.Sink {
  private static final Logger LOG = LoggerFactory.getLogger(NatsConnection.class);
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final int MAX_PAYLOAD_BOUND = 64 * 1024 * 1024 + 4096;

  /** The last subject published, with its validated bytes: the bench publishes one String. */
  private record EncodedSubject(String subject, byte[] bytes) {}

  private final int id;
  private final Options options;
  private final List<ServerAddress> servers;
  private final Outbound outbound;
  private final SubscriptionTable table = new SubscriptionTable();
  private final RequestMux mux;
  private final Router router;
  private final EventBus events;
  private final Requests requests;
  private final AtomicInteger dispatcherNames = new AtomicInteger();

  private final Object stateLock = new Object();
  private Status status = Status.CONNECTING; // guarded by stateLock
  private Transport transport; // guarded by stateLock
  private Thread reader; // guarded by stateLock
  private ServerAddress current; // guarded by stateLock
  private NatsDispatcher defaultDispatcher; // guarded by stateLock
  private final List<NatsDispatcher> dispatchers = new ArrayList<>(); // guarded by stateLock
  private CompletableFuture<Void> drainFuture; // guarded by stateLock
  private NatsException lastServerError; // guarded by stateLock
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  private volatile ServerInfo serverInfo;
  private volatile Status publicStatus = Status.CONNECTING;
  private volatile EncodedSubject lastSubject;
  private volatile long reconnects;

  private NatsConnection(Options options) {
    this.id = IDS.incrementAndGet();
    this.options = options;
    this.servers = new ArrayList<>();
    options.servers().forEach(url -> servers.add(ServerAddress.parse(url)));
    this.outbound =
        new Outbound(
            options.maxOutboundBytes(),
            options.publishBlockTimeout().toNanos(),
            options.reconnect().bufferBytes(),
            options.pingInterval().toNanos(),
            options.maxPingsOut());
    this.mux = new RequestMux(options.inboxPrefix());
    this.router =
        new Router(table, this, mux, options.pendingMessageLimit(), options.pendingByteLimit());
    this.events = new EventBus(options.callbackExecutor(), "nats4j-events-" + id);
    this.requests = new Requests(mux, table, this, events);
  }

  /**
   * Connects to the first server of the list that accepts the handshake.
   *
   * @param options the options
   * @return the connected connection
   */
  public static NatsConnection connect(Options options) {
    NatsConnection connection = new NatsConnection(Objects.requireNonNull(options, "options"));
    connection.connectFirst();
    return connection;
  }

  private void connectFirst() {
    Throwable last = null;
    for (ServerAddress address : servers) {
      try {
        Session session = open(address);
        install(
            session, new ConnectionEvent.Connected(address.redacted(), session.result().info()));
        LOG.debug("connection {} connected to {}", id, address);
        return;
      } catch (AuthenticationException e) {
        last = e;
      } catch (IOException | RuntimeException e) {
        LOG.debug("connection {} could not connect to {}: {}", id, address, e.toString());
        last = e;
      }
    }
    synchronized (stateLock) {
      status = Status.CLOSED;
      publicStatus = Status.CLOSED;
    }
    outbound.close();
    events.close();
    terminated.complete(null);
    if (last instanceof NatsException ne && servers.size() == 1) {
      throw ne;
    }
    throw new NatsException(
        "could not connect to "
            + (servers.size() == 1 ? servers.get(0) : "any of " + servers)
            + ": "
            + last,
        last);
  }

  /** A transport that passed the handshake. */
  private record Session(
      ServerAddress address, Transport transport, ProtocolParser parser, Handshake.Result result) {}

  private Session open(ServerAddress address) throws IOException {
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    Socket socket = options.dialer().dial(address.host(), address.port(), options.connectTimeout());
    Transport t = new Transport(socket);
    try {
      try {
        Transport.tune(socket);
      } catch (SocketException e) {
        LOG.debug("socket from the dialer refused an option: {}", e.toString());
      }
      ProtocolParser parser = new ProtocolParser(options.maxControlLine(), MAX_PAYLOAD_BOUND);
      Handshake.Result result = Handshake.run(t, address, options, parser, deadline);
      return new Session(address, result.transport(), parser, result);
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    }
  }

  /** Makes a handshaken session current; the event is posted before any op can be read. */
  private void install(Session session, ConnectionEvent event) {
    synchronized (stateLock) {
      events.post(() -> notify(event));
      transport = session.transport();
      current = session.address();
      serverInfo = session.result().info();
      lastServerError = null;
      outbound.maxPayload(serverInfo.maxPayload());
      outbound.attach(
          session.transport(),
          null,
          "nats4j-writer-" + id,
          cause -> onTransportLost(session.transport(), cause),
          () -> onTransportLost(session.transport(), new NatsException("stale connection")));
      reader =
          new Thread(
              new InboundReader(
                  session.transport(),
                  session.parser(),
                  session.result().leftover(),
                  router,
                  outbound,
                  this),
              "nats4j-reader-" + id);
      reader.setDaemon(true);
      reader.start();
      status = Status.CONNECTED;
      publicStatus = Status.CONNECTED;
    }
  }

  // ---------------------------------------------------------------- reader callbacks

  @Override
  public void onInfo(Info info) {
    ServerInfo previous = serverInfo;
    ServerInfo next = info.info();
    serverInfo = next;
    outbound.maxPayload(next.maxPayload());
    String server;
    synchronized (stateLock) {
      server = current == null ? null : current.redacted();
    }
    if (next.lameDuckMode() && (previous == null || !previous.lameDuckMode())) {
      events.post(() -> notify(new ConnectionEvent.LameDuck(server)));
    }
    List<String> discovered = new ArrayList<>(next.connectUrls());
    if (previous != null) {
      discovered.removeAll(previous.connectUrls());
    }
    if (!discovered.isEmpty() && previous != null) {
      events.post(() -> notify(new ConnectionEvent.ServersDiscovered(discovered)));
    }
  }

  @Override
  public void onServerError(String text) {
    AsyncError.PermissionDenied denied = ServerErrors.permission(text);
    if (denied != null) {
      if (denied.operation() == AsyncError.Operation.PUBLISH) {
        // a request to a denied subject would otherwise only time out
        mux.failPublishedTo(
            denied.subject(),
            new AuthorizationException("the server denied publishing the request: " + text));
      } else if (denied.subject().equals(mux.subject())) {
        mux.resubscribeOnNextRequest();
        mux.failAll(
            new AuthorizationException(
                "the server denied the reply subscription " + mux.subject() + ": " + text));
      }
      if (denied.operation() == AsyncError.Operation.SUBSCRIBE) {
        String queue = ServerErrors.queueOf(text);
        AuthorizationException failure =
            new AuthorizationException("the server denied the subscription: " + text);
        for (NatsSubscription sub : table.all()) {
          if (sub.subject().equals(denied.subject()) && Objects.equals(sub.queue(), queue)) {
            sub.fail(failure);
          }
        }
      }
      report(denied);
      return;
    }
    NatsException error =
        ServerErrors.isAuthentication(text)
            ? new AuthenticationException("the server ended the session: " + text)
            : new NatsException("server error: " + text);
    synchronized (stateLock) {
      lastServerError = error;
    }
    report(new AsyncError.ServerError(text));
  }

  @Override
  public void onTransportLost(Transport lost, Throwable cause) {
    NatsException reason;
    synchronized (stateLock) {
      if (transport != lost || status == Status.CLOSED) {
        return;
      }
      reason =
          lastServerError != null
              ? lastServerError
              : cause instanceof NatsException ne
                  ? ne
                  : new ConnectionClosedException(
                      "lost the connection to " + current + ": " + cause, cause);
    }
    LOG.debug("connection {} lost {}: {}", id, lost.socket(), cause.toString());
    closeInternal(reason);
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
    Objects.requireNonNull(data, "data");
    byte[] subjectBytes = encodeSubject(subject);
    byte[] replyBytes = replyTo == null ? null : Subjects.validatePublishSubject(replyTo);
    byte[] headerBytes = headers == null || headers.isEmpty() ? null : HeadersCodec.encode(headers);
    long size = (long) data.length + (headerBytes == null ? 0 : headerBytes.length);
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
    outbound.publish(subjectBytes, replyBytes, headerBytes, data);
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
    synchronized (stateLock) {
      requireOpen();
      if (defaultDispatcher == null) {
        defaultDispatcher =
            new NatsDispatcher(
                "default",
                "nats4j-dispatcher-" + id + "-default",
                true,
                router,
                this::forgetDispatcher);
        dispatchers.add(defaultDispatcher);
      }
      return defaultDispatcher;
    }
  }

  @Override
  public Dispatcher createDispatcher() {
    return createDispatcher("dispatcher-" + dispatcherNames.incrementAndGet());
  }

  @Override
  public Dispatcher createDispatcher(String name) {
    Objects.requireNonNull(name, "name");
    synchronized (stateLock) {
      requireOpen();
      NatsDispatcher d =
          new NatsDispatcher(
              name, "nats4j-dispatcher-" + id + "-" + name, false, router, this::forgetDispatcher);
      dispatchers.add(d);
      return d;
    }
  }

  private void forgetDispatcher(NatsDispatcher dispatcher) {
    synchronized (stateLock) {
      dispatchers.remove(dispatcher);
    }
  }

  private void requireOpen() {
    if (status == Status.CLOSED) {
      throw new ConnectionClosedException("the connection is closed");
    }
  }

  // ---------------------------------------------------------------- request/reply

  @Override
  public Message request(String subject, byte[] data, Duration timeout) {
    return requests.request(subject, null, data, timeout);
  }

  @Override
  public Message request(String subject, Headers headers, byte[] data, Duration timeout) {
    return requests.request(subject, headers, data, timeout);
  }

  @Override
  public CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout) {
    return requests.requestAsync(subject, null, data, timeout);
  }

  @Override
  public CompletableFuture<Message> requestAsync(
      String subject, Headers headers, byte[] data, Duration timeout) {
    return requests.requestAsync(subject, headers, data, timeout);
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
    return new Statistics(in[0], in[1], out[0], out[1], reconnects, in[2]);
  }

  @Override
  public Status status() {
    return publicStatus;
  }

  @Override
  public ServerInfo serverInfo() {
    return serverInfo;
  }

  @Override
  public String connectedUrl() {
    synchronized (stateLock) {
      return status == Status.CONNECTED || status == Status.DRAINING ? current.redacted() : null;
    }
  }

  // ---------------------------------------------------------------- RoutingHost

  @Override
  public void sendSubscribe(long sid, String subject, String queue) {
    synchronized (stateLock) {
      if (status == Status.CLOSED || status == Status.DRAINING) {
        throw new ConnectionClosedException(
            "the connection is " + status.name().toLowerCase() + ": no new subscriptions");
      }
    }
    outbound.write(buf -> ProtocolWriter.sub(buf, subject, queue, sid));
  }

  @Override
  public void sendUnsubscribe(long sid, long max) {
    try {
      outbound.write(buf -> ProtocolWriter.unsub(buf, sid, max));
    } catch (ConnectionClosedException e) {
      // the server forgets every subscription of a closed connection
    }
  }

  @Override
  public CompletableFuture<Void> ping() {
    return outbound.ping();
  }

  @Override
  public void slowConsumer(NatsSubscription subscription) {
    LOG.debug("slow consumer on {}", subscription);
    report(new AsyncError.SlowConsumer(subscription));
  }

  @Override
  public void runOnEventThread(Runnable task) {
    events.post(task);
  }

  private void report(AsyncError error) {
    if (options.errorListener() == null) {
      LOG.warn("nats4j connection {}: {}", id, error);
      return;
    }
    events.post(() -> options.errorListener().onError(error));
  }

  private void notify(ConnectionEvent event) {
    if (options.connectionListener() != null) {
      options.connectionListener().onEvent(event);
    }
  }

  // ---------------------------------------------------------------- drain and close

  @Override
  public CompletableFuture<Void> drain(Duration timeout) {
    CompletableFuture<Void> done;
    synchronized (stateLock) {
      if (drainFuture != null) {
        return drainFuture;
      }
      done = new CompletableFuture<>();
      drainFuture = done;
      if (status == Status.CLOSED) {
        done.complete(null);
        return done;
      }
      status = Status.DRAINING;
      publicStatus = Status.DRAINING;
    }
    List<CompletableFuture<Void>> drains = new ArrayList<>();
    for (NatsSubscription sub : table.all()) {
      drains.add(sub.drain(timeout));
    }
    CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new))
        .thenCompose(ignored -> outbound.ping())
        .whenComplete(
            (ok, error) ->
                events.post(
                    () -> {
                      closeInternal(null);
                      if (error == null) {
                        done.complete(null);
                      } else {
                        done.completeExceptionally(Requests.unwrap(error));
                      }
                    }));
    CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              if (done.completeExceptionally(
                  new NatsTimeoutException(
                      "draining the connection did not finish within "
                          + timeout.toMillis()
                          + " ms; it was closed anyway"))) {
                closeInternal(null);
              }
            });
    return done;
  }

  @Override
  public void close() {
    closeInternal(null);
    if (!Thread.currentThread().getName().startsWith("nats4j-")) {
      try {
        terminated.get(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warn("connection {} did not finish closing in time", id);
      }
    }
  }

  /**
   * The one way to CLOSED: stops writer, reader and dispatchers, fails what waits, fires
   * Disconnected (if the transport was lost) and Closed.
   */
  private void closeInternal(NatsException cause) {
    Transport t;
    Thread r;
    ServerAddress server;
    List<NatsDispatcher> ds;
    synchronized (stateLock) {
      if (status == Status.CLOSED) {
        return;
      }
      status = Status.CLOSED;
      publicStatus = Status.CLOSED;
      t = transport;
      transport = null;
      r = reader;
      reader = null;
      server = current;
      ds = new ArrayList<>(dispatchers);
      dispatchers.clear();
    }
    Thread writer = outbound.close();
    if (writer != null && cause == null) {
      join(writer, 2_000); // lets the writer send what was published before close()
    }
    if (t != null) {
      t.close();
    }
    join(writer, 5_000);
    join(r, 5_000);
    ConnectionClosedException closed =
        new ConnectionClosedException(
            cause == null ? "the connection was closed" : "the connection closed: " + cause, cause);
    outbound.failWaiters(closed);
    mux.failAll(closed);
    for (NatsSubscription sub : table.all()) {
      sub.fail(closed);
    }
    for (NatsDispatcher d : ds) {
      d.stopThread();
    }
    if (cause != null) {
      LOG.info("nats4j connection {} to {} closed: {}", id, server, cause.getMessage());
      events.post(
          () ->
              notify(
                  new ConnectionEvent.Disconnected(
                      server == null ? null : server.redacted(), cause)));
    }
    events.post(() -> notify(new ConnectionEvent.Closed(cause)));
    events.close();
    terminated.complete(null);
  }

  private static void join(Thread thread, long millis) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    synchronized (stateLock) {
      return "Connection[id=" + id + ", server=" + current + ", status=" + status + "]";
    }
  }
}
