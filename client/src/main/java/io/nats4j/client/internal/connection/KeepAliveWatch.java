package io.nats4j.client.internal.connection;

import io.nats4j.client.NatsTimeoutException;
import io.nats4j.client.internal.transport.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The keep-alive backstop: the writer sends the PINGs and notices missing PONGs, but not while it
 * is stuck in a write to a frozen server with full socket buffers. Every interval this checks, on
 * the JDK's delay scheduler (no thread of our own, no read timeout on the socket), whether PONGs
 * stopped for longer than the writer's own rule allows, and if so gives the transport up as stale
 * (on the common pool: closing may block, the scheduler must not).
 *
 * <p>Thread-safety: stateless apart from its collaborators; checks run on the JDK's scheduler.
 */
final class KeepAliveWatch {
  private final long intervalNanos;
  private final Outbound outbound;
  private final Lifecycle lifecycle;

  KeepAliveWatch(long intervalNanos, Outbound outbound, Lifecycle lifecycle) {
    this.intervalNanos = intervalNanos;
    this.outbound = outbound;
    this.lifecycle = lifecycle;
  }

  /**
   * Watches the session of one install. The pending check holds a number, not the transport: after
   * a reconnect the old socket must not stay reachable until the check fires.
   */
  void watch(long generation) {
    CompletableFuture.delayedExecutor(intervalNanos, TimeUnit.NANOSECONDS, Runnable::run)
        .execute(
            () -> {
              Transport watched = lifecycle.transportOf(generation);
              if (watched == null) {
                return;
              }
              if (outbound.staleWhileBlocked(System.nanoTime())) {
                NatsTimeoutException stale =
                    new NatsTimeoutException(
                        "stale connection: no PONG for "
                            + outbound.staleAfterMillis()
                            + " ms while writes to the server are blocked");
                CompletableFuture.runAsync(
                    () -> lifecycle.disconnect(watched, stale, false, false));
              } else {
                watch(generation);
              }
            });
  }
}
