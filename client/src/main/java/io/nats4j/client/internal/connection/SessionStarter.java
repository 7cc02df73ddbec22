package io.nats4j.client.internal.connection;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.internal.connection.SessionOpener.Session;
import io.nats4j.client.internal.protocol.GrowableBuffer;
import io.nats4j.client.internal.routing.Router;
import io.nats4j.client.internal.threads.ConnectionScheduler;
import io.nats4j.client.internal.threads.ThreadSource;
import io.nats4j.client.internal.transport.Transport;
import java.time.Duration;

/**
 * Puts a handshaken session to work: the writer (with the resubscribe preamble ahead of what was
 * buffered while disconnected) and the reader. It decides nothing about the lifecycle: {@link
 * Lifecycle#install} calls it under the lifecycle lock, and a lost transport goes back to {@link
 * Lifecycle#disconnect}.
 *
 * <p>Thread-safety: called only under the lifecycle lock, so one session starts at a time.
 */
final class SessionStarter {
  private final int id;
  private final int maxPingsOut;
  private final Outbound outbound;
  private final Router router;
  private final Listeners listeners;
  private final Lifecycle lifecycle;
  private final InboundReader.Sink serverOps;
  private final ThreadSource threads;
  private final ConnectionScheduler scheduler;
  private final Duration pingInterval;

  SessionStarter(
      int id,
      int maxPingsOut,
      Outbound outbound,
      Router router,
      Listeners listeners,
      Lifecycle lifecycle,
      InboundReader.Sink serverOps,
      ThreadSource threads,
      ConnectionScheduler scheduler,
      Duration pingInterval) {
    this.threads = threads;
    this.scheduler = scheduler;
    this.pingInterval = pingInterval;
    this.id = id;
    this.maxPingsOut = maxPingsOut;
    this.outbound = outbound;
    this.router = router;
    this.listeners = listeners;
    this.lifecycle = lifecycle;
    this.serverOps = serverOps;
  }

  /**
   * Starts the writer. After a reconnect (or a first connect made in the background) the active
   * subscriptions go out first, then what was buffered while disconnected, then a PING whose PONG
   * confirms them all (and, after a reconnect, posts {@code Resubscribed}).
   */
  void startWriter(Session session, boolean resubscribe, boolean reconnected) {
    outbound.maxPayload(session.result().info().maxPayload());
    GrowableBuffer preamble = null;
    int resubscribed = 0;
    if (resubscribe) {
      preamble = new GrowableBuffer(1024);
      resubscribed = router.resubscribe(preamble);
    }
    Transport installed = session.transport();
    OutboundWriter writer =
        new OutboundWriter(
            outbound,
            installed.out(),
            threads,
            "nats4j-writer-" + id,
            cause -> lifecycle.disconnect(installed, cause, false, false));
    outbound.attach(writer, preamble);
    String server = session.server().toString();
    KeepAlive.start(
        scheduler,
        pingInterval,
        outbound,
        writer,
        () ->
            lifecycle.disconnectFromTimer(
                installed,
                new NatsTimeoutException(
                    "stale connection: "
                        + maxPingsOut
                        + " PINGs without a PONG from "
                        + server
                        + " (one every "
                        + pingInterval.toMillis()
                        + " ms)"),
                false));
    if (resubscribe) {
      int count = resubscribed;
      outbound
          .ping()
          .thenRun(
              () -> {
                if (reconnected) {
                  listeners.post(new ConnectionEvent.Resubscribed(count));
                }
              });
    }
  }

  /** Starts the reader; call it after the connect event is posted, so it comes before any op. */
  Thread startReader(Session session) {
    Thread reader =
        threads.newThread(
            "nats4j-reader-" + id,
            new InboundReader(
                session.transport(),
                session.parser(),
                session.result().leftover(),
                router,
                outbound,
                serverOps));
    reader.start();
    return reader;
  }
}
