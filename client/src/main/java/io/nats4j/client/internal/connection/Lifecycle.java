package io.nats4j.client.internal.connection;

import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionStatus;
import io.nats4j.client.DisconnectedException;
import io.nats4j.client.NatsException;
import io.nats4j.client.Options;
import io.nats4j.client.ServerInfo;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.client.internal.connection.SessionOpener.Session;
import io.nats4j.client.internal.protocol.ProtocolWriter;
import io.nats4j.client.internal.reconnect.PoolEntry;
import io.nats4j.client.internal.reconnect.ServerPool;
import io.nats4j.client.internal.routing.NatsDispatcher;
import io.nats4j.client.internal.routing.NatsSubscription;
import io.nats4j.client.internal.routing.RequestMux;
import io.nats4j.client.internal.routing.Router;
import io.nats4j.client.internal.routing.SubscriptionTable;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import io.nats4j.client.internal.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's state machine: status and its transitions, the current session, the single
 * decision point when a transport is lost (reconnect or close) and the one way to CLOSED.
 *
 * <p>Thread-safety: the lifecycle state ({@code status}, the current transport, reader thread,
 * dispatchers, the drain future, the last server error) has one owner, {@code stateLock}; every
 * transition happens in a {@code synchronized (stateLock)} block and posts exactly one event. The
 * outbound buffer has its own lock (the publish hot path never takes {@code stateLock}). See {@code
 * docs/THREADING.md}.
 */
final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final int id;
  private final Options options;
  private final Outbound outbound;
  private final SubscriptionTable table;
  private final RequestMux mux;
  private final EventBus events;
  private final Listeners listeners;
  private final Reconnection reconnection;
  private final SessionStarter starter;
  private final ThreadSource threads;
  private final ConnectionScheduler scheduler;
  private final Random jitter = new Random();

  private final Object stateLock = new Object();
  private ConnectionStatus status = ConnectionStatus.CONNECTING; // guarded by stateLock
  private Transport transport; // guarded by stateLock
  private Thread reader; // guarded by stateLock
  private ServerAddress current; // guarded by stateLock
  private PoolEntry currentEntry; // guarded by stateLock
  private NatsDispatcher defaultDispatcher; // guarded by stateLock
  private final List<NatsDispatcher> dispatchers = new ArrayList<>(); // guarded by stateLock
  private CompletableFuture<Void> drainFuture; // guarded by stateLock
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();

  private volatile NatsException closeReason; // set once, before status becomes CLOSED
  private volatile NatsException lastError;
  private volatile ServerInfo serverInfo;
  private volatile ConnectionStatus publicStatus = ConnectionStatus.CONNECTING;

  Lifecycle(
      int id,
      Options options,
      List<ServerAddress> servers,
      Outbound outbound,
      SubscriptionTable table,
      RequestMux mux,
      Router router,
      EventBus events,
      Listeners listeners,
      ThreadSource threads,
      ConnectionScheduler scheduler) {
    this.threads = threads;
    this.scheduler = scheduler;
    this.id = id;
    this.options = options;
    this.outbound = outbound;
    this.table = table;
    this.mux = mux;
    this.events = events;
    this.listeners = listeners;
    SessionOpener opener =
        new SessionOpener(options, () -> status() == ConnectionStatus.CLOSED, scheduler);
    this.reconnection = new Reconnection(id, options, servers, opener, this, threads);
    ServerOpHandler serverOps = new ServerOpHandler(this, outbound, mux, table, listeners);
    this.starter =
        new SessionStarter(
            id,
            options.maxPingsOut(),
            outbound,
            router,
            listeners,
            this,
            serverOps,
            threads,
            scheduler,
            options.pingInterval());
  }

  /** Connects on the calling thread (see {@link Reconnection#connectFirst}). */
  void connectFirst() {
    reconnection.connectFirst();
  }

  /** After a failed first connect: RECONNECTING, the loop goes on in the background. */
  void connectInBackground() {
    synchronized (stateLock) {
      status = ConnectionStatus.RECONNECTING;
      publicStatus = ConnectionStatus.RECONNECTING;
      pool().reconnecting(null, false); // the first round does not count against maxAttempts
      reconnection.start(() -> {}, true);
    }
  }

  /** After a failed first connect: CLOSED, before any thread was started. */
  void firstConnectFailed() {
    synchronized (stateLock) {
      status = ConnectionStatus.CLOSED;
      publicStatus = ConnectionStatus.CLOSED;
    }
    outbound.close(null);
    events.close();
    scheduler.shutdown(5_000);
    terminated.complete(null);
  }

  /**
   * Makes a handshaken session current and starts it (see {@link SessionStarter}); the event is
   * posted before any op can be read.
   *
   * @return false if the connection was closed meanwhile (the session is then closed)
   */
  boolean install(Session session, ConnectionEvent event, boolean resubscribe) {
    synchronized (stateLock) {
      if (status == ConnectionStatus.CLOSED) {
        session.transport().close();
        return false;
      }
      transport = session.transport();
      current = session.server().address();
      currentEntry = session.server();
      serverInfo = session.result().info();
      pool().discovered(serverInfo.connectUrls());
      starter.startWriter(session, resubscribe, event instanceof ConnectionEvent.Reconnected);
      if (status != ConnectionStatus.DRAINING) {
        status = ConnectionStatus.CONNECTED;
        publicStatus = ConnectionStatus.CONNECTED;
      }
      listeners.post(event); // status is current when listeners run, before any op
      reader = starter.startReader(session);
      return true;
    }
  }

  /**
   * The server announced it is going away. By default only the {@code LameDuck} event tells the
   * application (posted by the caller); with {@link Options#leaveLameDuckServer()} the connection
   * moves to another server of the pool after a random delay within that window, so the server's
   * clients do not all reconnect at once. With no other server to go to, it stays.
   */
  void leaveLameDuck() {
    Duration window = options.leaveLameDuckServer();
    if (window == null) {
      return;
    }
    Transport t;
    String from;
    synchronized (stateLock) {
      if (status != ConnectionStatus.CONNECTED
          || !options.reconnect().enabled()
          || pool().servers().stream().noneMatch(e -> e != currentEntry)) {
        return;
      }
      t = transport;
      from = String.valueOf(current);
    }
    long delayNanos = (long) (jitter.nextDouble() * window.toNanos());
    LOG.info(
        "nats4j connection {}: {} is in lame-duck mode, moving to another server in {} ms",
        id,
        from,
        delayNanos / 1_000_000);
    scheduler.scheduleNanos(
        delayNanos,
        () ->
            disconnectFromTimer(
                t, new NatsException("the server " + from + " entered lame-duck mode"), true));
  }

  /**
   * {@link #disconnect} for a timer (stale keep-alive, lame duck): on a short-lived thread of its
   * own, because closing (reconnect off, or draining) joins threads and the scheduler must not
   * block. A transport replaced meanwhile is ignored by {@code disconnect}.
   */
  void disconnectFromTimer(Transport lost, Throwable cause, boolean graceful) {
    synchronized (stateLock) {
      if (transport != lost || status == ConnectionStatus.CLOSED) {
        return;
      }
    }
    threads
        .newThread("nats4j-disconnect-" + id, () -> disconnect(lost, cause, graceful, false))
        .start();
  }

  /** Gives the current transport up and reconnects (the first attempt goes to any server). */
  void forceReconnect() {
    Transport t;
    synchronized (stateLock) {
      if (status == ConnectionStatus.CLOSED) {
        throw ClosedConnections.exception(closeReason);
      }
      if (!options.reconnect().enabled()) {
        throw new IllegalStateException("reconnecting is disabled in the options");
      }
      if (status != ConnectionStatus.CONNECTED) {
        return;
      }
      t = transport;
    }
    disconnect(t, new NatsException("reconnect forced by the application"), true, true);
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
  void disconnect(Transport lost, Throwable cause, boolean graceful, boolean forced) {
    NatsException reason;
    String reconnectingFrom = null;
    synchronized (stateLock) {
      if (transport != lost || lost == null || status == ConnectionStatus.CLOSED) {
        return;
      }
      reason =
          cause instanceof NatsException ne
              ? ne
              : new ConnectionClosedException(
                  "lost the connection to " + current + ": " + cause, cause);
      lastError = reason;
      if (options.reconnect().enabled() && status == ConnectionStatus.CONNECTED) {
        LOG.warn(
            "nats4j connection {} lost {}, reconnecting: {}", id, current, reason.getMessage());
        String server = currentEntry.url();
        status = ConnectionStatus.RECONNECTING;
        publicStatus = ConnectionStatus.RECONNECTING;
        transport = null;
        Thread oldReader = reader;
        reader = null;
        Thread oldWriter = outbound.detach(reason);
        pool().reconnecting(SessionOpener.authErrorText(reason), forced);
        // posted once the state is what a listener may rely on: publishing now is buffered
        listeners.post(new ConnectionEvent.Disconnected(server, reason));
        reconnection.start(() -> Reconnection.release(lost, oldWriter, oldReader, graceful), false);
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

  /**
   * The one way to CLOSED: stops writer, reader and dispatchers, fails what waits, fires
   * Disconnected (if the transport was lost) and Closed.
   */
  void closeInternal(NatsException cause) {
    Transport t;
    Thread r;
    PoolEntry server;
    List<NatsDispatcher> ds;
    synchronized (stateLock) {
      if (status == ConnectionStatus.CLOSED) {
        return;
      }
      if (cause != null) {
        closeReason = cause;
        lastError = cause;
      }
      status = ConnectionStatus.CLOSED;
      publicStatus = ConnectionStatus.CLOSED;
      t = transport;
      server = currentEntry;
      transport = null;
      r = reader;
      reader = null;
      ds = new ArrayList<>(dispatchers);
      dispatchers.clear();
    }
    reconnection.cancel();
    Thread writer = outbound.close(cause);
    if (writer != null && cause == null) {
      ThreadJoin.join(writer, 2_000); // lets the writer send what was published before close()
    }
    if (t != null) {
      t.close();
    }
    ThreadJoin.join(writer, 5_000);
    ThreadJoin.join(r, 5_000);
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
      LOG.error("nats4j connection {} to {} closed: {}", id, server, cause.getMessage());
    }
    if (cause != null && t != null) { // while reconnecting, Disconnected was posted already
      listeners.post(new ConnectionEvent.Disconnected(server == null ? null : server.url(), cause));
    }
    listeners.post(new ConnectionEvent.Closed(cause));
    events.close();
    scheduler.shutdown(5_000);
    terminated.complete(null);
  }

  /** Completes once {@link #closeInternal} (or a failed first connect) has finished. */
  CompletableFuture<Void> terminated() {
    return terminated;
  }

  /**
   * Moves to DRAINING, once.
   *
   * @param done the future of this drain
   * @return the future of a drain already under way, or null if {@code done} is the one
   */
  CompletableFuture<Void> beginDrain(CompletableFuture<Void> done) {
    synchronized (stateLock) {
      if (drainFuture != null) {
        return drainFuture;
      }
      drainFuture = done;
      if (status == ConnectionStatus.CLOSED) {
        done.complete(null);
        return done;
      }
      status = ConnectionStatus.DRAINING;
      publicStatus = ConnectionStatus.DRAINING;
      return null;
    }
  }

  // ---------------------------------------------------------------- dispatchers

  /** Registers a new dispatcher, unless the connection is closed. */
  NatsDispatcher addDispatcher(Supplier<NatsDispatcher> create) {
    synchronized (stateLock) {
      requireOpen();
      NatsDispatcher d = create.get();
      dispatchers.add(d);
      return d;
    }
  }

  /** The default dispatcher, created and registered on first use. */
  NatsDispatcher defaultDispatcher(Supplier<NatsDispatcher> create) {
    synchronized (stateLock) {
      requireOpen();
      if (defaultDispatcher == null) {
        defaultDispatcher = create.get();
        dispatchers.add(defaultDispatcher);
      }
      return defaultDispatcher;
    }
  }

  void forgetDispatcher(NatsDispatcher dispatcher) {
    synchronized (stateLock) {
      dispatchers.remove(dispatcher);
    }
  }

  private void requireOpen() {
    if (status == ConnectionStatus.CLOSED) {
      throw ClosedConnections.exception(closeReason);
    }
  }

  // ---------------------------------------------------------------- SUB / UNSUB

  /**
   * Writes a SUB, or while disconnected leaves it to the resubscribe preamble of the next
   * connection (the subscription is in the table already). Decided under {@code stateLock}, which
   * {@link #install} holds while it builds the preamble, so a SUB is never lost between the two.
   */
  void sendSubscribe(long sid, String subject, String queue) {
    synchronized (stateLock) {
      if (status == ConnectionStatus.CLOSED) {
        throw ClosedConnections.exception(closeReason);
      }
      if (status == ConnectionStatus.DRAINING) {
        throw new ConnectionClosedException("the connection is draining: no new subscriptions");
      }
      if (transport == null) {
        return;
      }
      outbound.write(buf -> ProtocolWriter.sub(buf, subject, queue, sid));
    }
  }

  /**
   * Writes an UNSUB; while disconnected writes nothing and returns false: a closed subscription is
   * gone from the table and a draining one is skipped, so neither is in the next preamble; an
   * auto-unsubscribe goes there as {@code UNSUB sid remaining}.
   */
  boolean sendUnsubscribe(long sid, long max) {
    synchronized (stateLock) {
      if (transport == null) {
        return false;
      }
      try {
        outbound.write(buf -> ProtocolWriter.unsub(buf, sid, max));
        return true;
      } catch (ConnectionClosedException e) {
        return false; // the server forgets every subscription of a closed connection
      }
    }
  }

  // ---------------------------------------------------------------- state for the others

  /** Runs a completion on the event thread, in order with events. */
  void runOnEventThread(Runnable task) {
    events.post(task);
  }

  ServerPool pool() {
    return reconnection.pool();
  }

  long reconnects() {
    return reconnection.reconnects();
  }

  ConnectionStatus status() {
    return publicStatus;
  }

  /** Why the connection closed; null while open or when the application closed it. */
  NatsException closeReason() {
    return closeReason;
  }

  /** The most recent failure: a lost session, a server {@code -ERR}, the close reason. */
  NatsException lastError() {
    return lastError;
  }

  /** Records an asynchronous error the server reported (an {@code -ERR} that kept the session). */
  void serverError(NatsException error) {
    lastError = error;
  }

  ServerInfo serverInfo() {
    return serverInfo;
  }

  /** Replaces the server info (a new INFO from the reader). */
  ServerInfo serverInfo(ServerInfo next) {
    ServerInfo previous = serverInfo;
    serverInfo = next;
    return previous;
  }

  String currentUrl() {
    synchronized (stateLock) {
      return currentEntry == null ? null : currentEntry.url();
    }
  }

  String connectedUrl() {
    synchronized (stateLock) {
      return transport != null
              && (status == ConnectionStatus.CONNECTED || status == ConnectionStatus.DRAINING)
          ? currentEntry.url()
          : null;
    }
  }

  @Override
  public String toString() {
    synchronized (stateLock) {
      return "Connection[id=" + id + ", server=" + current + ", status=" + status + "]";
    }
  }
}
