package io.nats4j.client.internal.connection;

import io.nats4j.client.AuthenticationException;
import io.nats4j.client.ConnectionClosedException;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.CredentialsExpiredException;
import io.nats4j.client.Dialer;
import io.nats4j.client.NatsException;
import io.nats4j.client.Options;
import io.nats4j.client.ReconnectOptions;
import io.nats4j.client.internal.address.ServerAddress;
import io.nats4j.client.internal.auth.CredentialsCheck;
import io.nats4j.client.internal.connection.SessionOpener.Session;
import io.nats4j.client.internal.reconnect.Cancellation;
import io.nats4j.client.internal.reconnect.Clock;
import io.nats4j.client.internal.reconnect.ReconnectWorker;
import io.nats4j.client.internal.reconnect.Reconnector;
import io.nats4j.client.internal.reconnect.Resolver;
import io.nats4j.client.internal.reconnect.ServerPool;
import io.nats4j.client.internal.threads.ThreadSource;
import io.nats4j.client.internal.transport.Transport;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a server to talk to: the first connect (on the caller's thread) and the reconnect loop (on
 * {@code nats4j-reconnect-<id>}), both through the {@link Reconnector} and the {@link
 * SessionOpener}. It hands a session that passed the handshake to {@link Lifecycle#install} and an
 * exhausted loop to {@link Lifecycle#closeInternal}; it owns no lifecycle state.
 *
 * <p>Thread-safety: {@link #start} is called under the lifecycle lock; {@link #cancel} from the
 * closing thread; the outcome runs on the reconnect thread.
 */
final class Reconnection {
  private static final Logger LOG = LoggerFactory.getLogger(Reconnection.class);

  private final int id;
  private final Options options;
  private final List<ServerAddress> servers;
  private final SessionOpener opener;
  private final Lifecycle lifecycle;
  private final ServerPool pool;
  private final Reconnector reconnector;
  private final ReconnectWorker worker;
  private volatile long reconnects; // written by the reconnect thread only

  Reconnection(
      int id,
      Options options,
      List<ServerAddress> servers,
      SessionOpener opener,
      Lifecycle lifecycle,
      ThreadSource threads) {
    this.id = id;
    this.options = options;
    this.servers = servers;
    this.opener = opener;
    this.lifecycle = lifecycle;
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
                SessionOpener::authErrorText,
                // fixed credentials that expired stay expired; a supplier may renew them
                e ->
                    e instanceof CredentialsExpiredException
                        && options.credentialsSupplier() == null),
            Clock.system(),
            new Random());
    this.worker = new ReconnectWorker(reconnector, "nats4j-reconnect-" + id, threads);
  }

  ServerPool pool() {
    return pool;
  }

  long reconnects() {
    return reconnects;
  }

  /**
   * The first connect: one round over the pool on the calling thread. On failure, goes on in the
   * background if the options say so, else closes and throws.
   */
  void connectFirst() {
    if (options.credentialsSupplier() == null) {
      try { // a creds file problem or an expired JWT is said at once, before any dial
        CredentialsCheck.beforeDial(options.credentials(), Instant.now());
      } catch (RuntimeException e) {
        lifecycle.firstConnectFailed();
        throw e;
      }
    }
    Reconnector.Outcome<Session> outcome =
        reconnector.run(opener::open, 1, new Cancellation(), () -> null);
    if (outcome instanceof Reconnector.Connected<Session> connected) {
      Session session = connected.session();
      lifecycle.install(
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
                : outcome instanceof Reconnector.Hopeless<Session> hopeless
                    ? hopeless.error()
                    : null;
    ReconnectOptions reconnect = options.reconnect();
    if (reconnect.enabled()
        && reconnect.retryOnFailedConnect()
        && !(outcome instanceof Reconnector.Hopeless<Session>)) {
      LOG.info(
          "nats4j connection {}: first connect failed ({}); retrying in the background",
          id,
          String.valueOf(last));
      lifecycle.connectInBackground();
      return;
    }
    lifecycle.firstConnectFailed();
    if (last instanceof IllegalArgumentException || last instanceof CredentialsExpiredException) {
      throw (RuntimeException) last; // the credentials, not a server: the same for every server
    }
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

  /** Starts the reconnect thread; called under the lifecycle lock in RECONNECTING. */
  void start(Runnable prelude, boolean firstConnection) {
    worker.start(
        opener::open,
        options.reconnect().maxAttempts(),
        lifecycle::serverInfo,
        prelude,
        outcome -> onOutcome(outcome, firstConnection));
  }

  /** Breaks a backoff wait and an attempt in progress, then joins the reconnect thread. */
  void cancel() {
    worker.cancel(0); // breaks a backoff wait at once
    opener.abort(); // an attempt in progress fails now instead of at its timeout
    worker.cancel(5_000);
  }

  /** Runs on the reconnect thread when the loop ends. */
  private void onOutcome(Reconnector.Outcome<Session> outcome, boolean firstConnection) {
    if (outcome instanceof Reconnector.Connected<Session> connected) {
      Session session = connected.session();
      ConnectionEvent event =
          firstConnection
              ? new ConnectionEvent.Connected(session.server().url(), session.result().info())
              : new ConnectionEvent.Reconnected(session.server().url());
      if (lifecycle.install(session, event, true)) {
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
      lifecycle.closeInternal(
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
      lifecycle.closeInternal(error);
    } else if (outcome instanceof Reconnector.Hopeless<Session> hopeless) {
      lifecycle.closeInternal(
          hopeless.error() instanceof NatsException ne
              ? ne
              : new NatsException(String.valueOf(hopeless.error()), hopeless.error()));
    }
    // Cancelled: close() is under way and does the rest
  }

  /** Closes a given-up transport and waits for its threads (on the reconnect thread). */
  static void release(Transport lost, Thread writer, Thread reader, boolean graceful) {
    if (graceful) {
      ThreadJoin.join(writer, 1_000); // what was handed to the writer goes out before the close
      try {
        lost.socket().shutdownOutput(); // the server reads it all, then closes its side
      } catch (IOException e) {
        LOG.debug("shutdownOutput failed: {}", e.toString());
      }
      ThreadJoin.join(reader, 1_000);
    }
    lost.close();
    ThreadJoin.join(writer, 5_000);
    ThreadJoin.join(reader, 5_000);
  }
}
