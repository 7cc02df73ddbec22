package io.nats4j.client.internal.connection;

import io.nats4j.client.AsyncError;
import io.nats4j.client.AuthenticationException;
import io.nats4j.client.AuthorizationException;
import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Dialer;
import io.nats4j.client.DisconnectedException;
import io.nats4j.client.Dispatcher;
import io.nats4j.client.Headers;
import io.nats4j.client.MaxPayloadException;
import io.nats4j.client.Message;
import io.nats4j.client.NatsException;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.Statistics;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.protocol.HeadersCodec;
import io.nats4j.client.internal.protocol.Info;
import io.nats4j.client.internal.protocol.Nuid;
import io.nats4j.client.internal.protocol.ProtocolParser;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.protocol.Subjects;
import io.nats4j.client.internal.reconnect.Cancellation;
import io.nats4j.client.internal.reconnect.Clock;
import io.nats4j.client.internal.reconnect.PoolEntry;
import io.nats4j.client.internal.reconnect.ReconnectWorker;
import io.nats4j.client.internal.reconnect.Reconnector;
import io.nats4j.client.internal.reconnect.Resolver;
import io.nats4j.client.internal.reconnect.ServerPool;
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
import java.util.Random;
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
  private final ServerPool pool;
  private final Reconnector reconnector;
  private final ReconnectWorker worker;

  private final Object stateLock = new Object();
  private Status status = Status.CONNECTING; // guarded by stateLock
  private Transport transport; // guarded by stateLock
  private Thread reader; // guarded by stateLock
  private ServerAddress current; // guarded by stateLock
  private PoolEntry currentEntry; // guarded by stateLock
  private long installs; // guarded by stateLock: which transport a keep-alive check belongs to
  private NatsDispatcher defaultDispatcher; // guarded by stateLock
  private final List<NatsDispatcher> dispatchers = new ArrayList<>(); // guarded by stateLock
  private CompletableFuture<Void> drainFuture; // guarded by stateLock
  private NatsException lastServerError; // guarded by stateLock
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  private volatile ServerInfo serverInfo;
  private volatile Status publicStatus = Status.CONNECTING;
  private volatile EncodedSubject lastSubject;
  private volatile long reconnects;
  private volatile Transport connecting; // a session being opened, closed by close() at once

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
    ReconnectOptions reconnect = options.reconnect();
    this.pool =
        new ServerPool(
            servers, reconnect.randomize(), reconnect.ignoreDiscoveredServers(), new Random());
    this.reconnector =
        new Reconnector(
            pool,
            new Reconnector.Settings(
                reconnect.delay(),
                reconnect.serverChooser(),
                // a custom dialer (a proxy, say) may resolve names itself, or not be able to
                options.dialer() == Dialer.defaultDialer() ? Resolver.system() : null,
                reconnect.randomize(),
                !reconnect.retryOnRepeatedAuthError(),
                options.tls() != null,
                NatsConnection::authErrorText),
            Clock.system(),
            new Random());
    this.worker = new ReconnectWorker(reconnector, "nats4j-reconnect-" + id);
  }

  /** The server's words of an authentication failure, or null if {@code t} is not one. */
  static String authErrorText(Throwable t) {
    if (!(t instanceof AuthenticationException)) {
      return null;
    }
    String message = String.valueOf(t.getMessage());
    int colon = message.indexOf(": ");
    return colon < 0 ? message : message.substring(colon + 2);
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
    Reconnector.Outcome<Session> outcome =
        reconnector.run(this::open, 1, new Cancellation(), () -> null);
    if (outcome instanceof Reconnector.Connected<Session> connected) {
      Session session = connected.session();
      install(
          session,
          new ConnectionEvent.Connected(session.server().url(), session.result().info()),
          false);
      LOG.debug("connection {} connected to {}", id, session.server());
      return;
    }
    Throwable last =
        outcome instanceof Reconnector.GaveUp<Session> gaveUp
            ? gaveUp.lastError()
            : outcome instanceof Reconnector.RepeatedAuthError<Session> repeated
                ? repeated.error()
                : null;
    ReconnectOptions reconnect = options.reconnect();
    if (reconnect.enabled() && reconnect.retryOnFailedConnect()) {
      LOG.info(
          "nats4j connection {}: first connect failed ({}); retrying in the background",
          id,
          String.valueOf(last));
      synchronized (stateLock) {
        status = Status.RECONNECTING;
        publicStatus = Status.RECONNECTING;
        pool.reconnecting(null, false); // the first round does not count against maxAttempts
        startReconnecting(() -> {}, true);
      }
      return;
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
      PoolEntry server, Transport transport, ProtocolParser parser, Handshake.Result result) {}

  /**
   * Dials one address of a pool server and runs the handshake. TLS checks the certificate against
   * the target's host name (the configured name even when dialing a resolved or discovered
   * address).
   */
  private Session open(Reconnector.Target target) throws IOException {
    ServerAddress dial = target.address();
    ServerAddress named =
        new ServerAddress(
            dial.scheme(),
            target.tlsHostname(),
            dial.port(),
            dial.user(),
            dial.password(),
            dial.token());
    long deadline = System.nanoTime() + options.connectTimeout().toNanos();
    Socket socket = options.dialer().dial(dial.host(), dial.port(), options.connectTimeout());
    Transport t = new Transport(socket);
    connecting = t;
    if (status() == Status.CLOSED) {
      t.close();
      throw new ConnectionClosedException("the connection was closed while connecting");
    }
    try {
      try {
        Transport.tune(socket);
      } catch (SocketException e) {
        LOG.debug("socket from the dialer refused an option: {}", e.toString());
      }
      ProtocolParser parser = new ProtocolParser(options.maxControlLine(), MAX_PAYLOAD_BOUND);
      Handshake.Result result = Handshake.run(t, named, options, parser, deadline);
      return new Session(target.server(), result.transport(), parser, result);
    } catch (IOException | RuntimeException e) {
      t.close();
      throw e;
    } finally {
      connecting = null;
    }
  }

  /**
   * Makes a handshaken session current; the event is posted before any op can be read. After a
   * reconnect (or a first connect made in the background) the active subscriptions go out first,
   * then what was buffered while disconnected, then a PING whose PONG confirms them all.
   *
   * @return false if the connection was closed meanwhile (the session is then closed)
   */
  private boolean install(Session session, ConnectionEvent event, boolean resubscribe) {
    synchronized (stateLock) {
      if (status == Status.CLOSED) {
        session.transport().close();
        return false;
      }
      transport = session.transport();
      current = session.server().address();
      currentEntry = session.server();
      serverInfo = session.result().info();
      lastServerError = null;
      pool.discovered(serverInfo.connectUrls());
      outbound.maxPayload(serverInfo.maxPayload());
      GrowableBuffer preamble = null;
      int resubscribed = 0;
      if (resubscribe) {
        preamble = new GrowableBuffer(1024);
        resubscribed = router.resubscribe(preamble);
      }
      Transport installed = session.transport();
      // the pending check holds a number, not the transport: after a reconnect the old socket
      // must not stay reachable until the check fires (up to an interval later)
      watchKeepAlive(++installs);
      outbound.attach(
          installed,
          preamble,
          "nats4j-writer-" + id,
          cause -> onTransportLost(installed, cause),
          () ->
              disconnect(
                  installed,
                  new NatsTimeoutException(
                      "stale connection: "
                          + options.maxPingsOut()
                          + " PINGs without a PONG from "
                          + session.server()),
                  false,
                  false));
      if (resubscribe) {
        int count = resubscribed;
        boolean reconnected = event instanceof ConnectionEvent.Reconnected;
        outbound
            .ping()
            .thenRun(
                () -> {
                  if (reconnected) {
                    events.post(() -> notify(new ConnectionEvent.Resubscribed(count)));
                  }
                });
      }
      if (status != Status.DRAINING) {
        status = Status.CONNECTED;
        publicStatus = Status.CONNECTED;
      }
      events.post(() -> notify(event)); // status is current when listeners run, before any op
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
      return true;
    }
  }

  /**
   * The keep-alive backstop: the writer sends the PINGs and notices missing PONGs, but not while it
   * is stuck in a write to a frozen server with full socket buffers. Every interval this checks, on
   * the JDK's delay scheduler (no thread of our own, no read timeout on the socket), whether PONGs
   * stopped for longer than the writer's own rule allows, and if so gives the transport up as stale
   * (on the common pool: closing may block, the scheduler must not).
   */
  private void watchKeepAlive(long generation) {
    CompletableFuture.delayedExecutor(
            options.pingInterval().toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              Transport watched;
              synchronized (stateLock) {
                if (installs != generation || transport == null) {
                  return;
                }
                watched = transport;
              }
              if (outbound.staleWhileBlocked(System.nanoTime())) {
                NatsTimeoutException stale =
                    new NatsTimeoutException(
                        "stale connection: no PONG for "
                            + outbound.staleAfterMillis()
                            + " ms while writes to the server are blocked");
                CompletableFuture.runAsync(() -> disconnect(watched, stale, false, false));
              } else {
                watchKeepAlive(generation);
              }
            });
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
      server = currentEntry == null ? null : currentEntry.url();
    }
    List<String> discovered = pool.discovered(next.connectUrls());
    if (!discovered.isEmpty()) {
      events.post(() -> notify(new ConnectionEvent.ServersDiscovered(discovered)));
    }
    if (next.lameDuckMode() && (previous == null || !previous.lameDuckMode())) {
      events.post(() -> notify(new ConnectionEvent.LameDuck(server)));
      leaveLameDuck();
    }
  }

  /**
   * The server announced it is going away: move to another server of the pool now, while it still
   * serves, rather than when it closes the connection. With no other server to go to, stay.
   */
  private void leaveLameDuck() {
    Transport t;
    synchronized (stateLock) {
      if (status != Status.CONNECTED
          || !options.reconnect().enabled()
          || pool.servers().stream().noneMatch(e -> e != currentEntry)) {
        return;
      }
      t = transport;
    }
    LOG.info(
        "nats4j connection {}: {} is in lame-duck mode, moving to another server", id, current);
    disconnect(
        t, new NatsException("the server " + current + " entered lame-duck mode"), true, false);
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
    disconnect(lost, cause, false, false);
  }

  /**
   * The single decision point when a transport is lost (reader EOF or error, writer error, stale
   * keep-alive) or given up (lame duck, {@link #forceReconnect()}): reconnect, or close when
   * reconnecting is off or the connection is draining.
   *
   * @param lost the transport; ignored if it is no longer the current one
   * @param cause why
   * @param graceful let the writer finish and the server read what was written before closing
   * @param forced the application asked: the first attempt is made at once even to this server
   */
  private void disconnect(Transport lost, Throwable cause, boolean graceful, boolean forced) {
    NatsException reason;
    String reconnectingFrom = null;
    synchronized (stateLock) {
      if (transport != lost || lost == null || status == Status.CLOSED) {
        return;
      }
      reason =
          lastServerError != null
              ? lastServerError
              : cause instanceof NatsException ne
                  ? ne
                  : new ConnectionClosedException(
                      "lost the connection to " + current + ": " + cause, cause);
      if (options.reconnect().enabled() && status == Status.CONNECTED) {
        LOG.info("nats4j connection {} lost {}: {}", id, current, reason.getMessage());
        String server = currentEntry.url();
        status = Status.RECONNECTING;
        publicStatus = Status.RECONNECTING;
        transport = null;
        Thread oldReader = reader;
        reader = null;
        Thread oldWriter = outbound.detach(reason);
        pool.reconnecting(authErrorText(reason), forced);
        // posted once the state is what a listener may rely on: publishing now is buffered
        events.post(() -> notify(new ConnectionEvent.Disconnected(server, reason)));
        startReconnecting(() -> release(lost, oldWriter, oldReader, graceful), false);
        reconnectingFrom = server;
      }
    }
    if (reconnectingFrom != null) {
      if (options.reconnect().failPendingRequestsOnDisconnect()) {
        // outside stateLock: failing a future runs its dependent stages on this thread
        mux.failAll(
            new DisconnectedException(
                "the connection to "
                    + reconnectingFrom
                    + " was lost while the request waited for its reply; it fails at once as"
                    + " failPendingRequestsOnDisconnect asks (the connection is reconnecting)",
                reason));
      }
      return;
    }
    LOG.debug("connection {} lost {}: {}", id, lost.socket(), cause.toString());
    closeInternal(reason);
  }

  /** Closes a given-up transport and waits for its threads (on the reconnect thread). */
  private static void release(Transport lost, Thread writer, Thread reader, boolean graceful) {
    if (graceful) {
      join(writer, 1_000); // what was handed to the writer goes out before the socket closes
      try {
        lost.socket().shutdownOutput(); // the server reads it all, then closes its side
      } catch (IOException e) {
        LOG.debug("shutdownOutput failed: {}", e.toString());
      }
      join(reader, 1_000);
    }
    lost.close();
    join(writer, 5_000);
    join(reader, 5_000);
  }

  /** Starts the reconnect thread; called under {@code stateLock} in RECONNECTING. */
  private void startReconnecting(Runnable prelude, boolean firstConnection) {
    int maxAttempts = options.reconnect().maxAttempts();
    worker.start(
        this::open,
        maxAttempts,
        () -> serverInfo,
        prelude,
        outcome -> onReconnectOutcome(outcome, firstConnection));
  }

  /** Runs on the reconnect thread when the loop ends. */
  private void onReconnectOutcome(Reconnector.Outcome<Session> outcome, boolean firstConnection) {
    if (outcome instanceof Reconnector.Connected<Session> connected) {
      Session session = connected.session();
      ConnectionEvent event =
          firstConnection
              ? new ConnectionEvent.Connected(session.server().url(), session.result().info())
              : new ConnectionEvent.Reconnected(session.server().url());
      if (install(session, event, true)) {
        if (!firstConnection) {
          reconnects++;
        }
        LOG.info(
            "nats4j connection {} {} {} after {} attempt(s)",
            id,
            firstConnection ? "connected to" : "reconnected to",
            session.server(),
            connected.attempts());
      }
    } else if (outcome instanceof Reconnector.GaveUp<Session> gaveUp) {
      closeInternal(
          new ConnectionClosedException(
              "could not reconnect: every server of the pool failed "
                  + (options.reconnect().maxAttempts() == 1
                      ? "its attempt"
                      : options.reconnect().maxAttempts() + " attempts")
                  + "; last failure: "
                  + gaveUp.lastError(),
              gaveUp.lastError()));
    } else if (outcome instanceof Reconnector.RepeatedAuthError<Session> repeated) {
      NatsException error =
          repeated.error() instanceof NatsException ne
              ? ne
              : new AuthenticationException(String.valueOf(repeated.error()), repeated.error());
      LOG.warn(
          "nats4j connection {}: {} refused the credentials twice in a row; closing",
          id,
          repeated.server());
      closeInternal(error);
    }
    // Cancelled: close() is under way and does the rest
  }

  @Override
  public void forceReconnect() {
    Transport t;
    synchronized (stateLock) {
      if (status == Status.CLOSED) {
        throw new ConnectionClosedException("the connection is closed");
      }
      if (!options.reconnect().enabled()) {
        throw new IllegalStateException("reconnecting is disabled in the options");
      }
      if (status != Status.CONNECTED) {
        return;
      }
      t = transport;
    }
    disconnect(t, new NatsException("reconnect forced by the application"), true, true);
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
      return transport != null && (status == Status.CONNECTED || status == Status.DRAINING)
          ? currentEntry.url()
          : null;
    }
  }

  // ---------------------------------------------------------------- RoutingHost

  /**
   * Writes a SUB, or while disconnected leaves it to the resubscribe preamble of the next
   * connection (the subscription is in the table already). Decided under {@code stateLock}, which
   * {@link #install} holds while it builds the preamble, so a SUB is never lost between the two.
   */
  @Override
  public void sendSubscribe(long sid, String subject, String queue) {
    synchronized (stateLock) {
      if (status == Status.CLOSED || status == Status.DRAINING) {
        throw new ConnectionClosedException(
            "the connection is " + status.name().toLowerCase() + ": no new subscriptions");
      }
      if (transport == null) {
        return;
      }
      outbound.write(buf -> ProtocolWriter.sub(buf, subject, queue, sid));
    }
  }

  /**
   * Writes an UNSUB; while disconnected writes nothing: a closed subscription is gone from the
   * table and so from the next preamble, an auto-unsubscribe goes there as {@code UNSUB sid
   * remaining}.
   */
  @Override
  public void sendUnsubscribe(long sid, long max) {
    synchronized (stateLock) {
      if (transport == null) {
        return;
      }
      try {
        outbound.write(buf -> ProtocolWriter.unsub(buf, sid, max));
      } catch (ConnectionClosedException e) {
        // the server forgets every subscription of a closed connection
      }
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
    PoolEntry server;
    List<NatsDispatcher> ds;
    synchronized (stateLock) {
      if (status == Status.CLOSED) {
        return;
      }
      status = Status.CLOSED;
      publicStatus = Status.CLOSED;
      t = transport;
      server = currentEntry;
      transport = null;
      r = reader;
      reader = null;
      ds = new ArrayList<>(dispatchers);
      dispatchers.clear();
    }
    worker.cancel(0); // breaks a backoff wait at once
    Transport opening = connecting;
    if (opening != null) {
      opening.close(); // an attempt in progress fails now instead of at its timeout
    }
    worker.cancel(5_000);
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
    }
    if (cause != null && t != null) { // while reconnecting, Disconnected was posted already
      events.post(
          () ->
              notify(
                  new ConnectionEvent.Disconnected(server == null ? null : server.url(), cause)));
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
