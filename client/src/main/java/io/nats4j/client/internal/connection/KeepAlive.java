package io.nats4j.client.internal.connection;

import io.nats4j.client.internal.threads.ConnectionScheduler;
import java.time.Duration;

/**
 * The connection's one stale detector. Every {@code pingInterval} a tick on the connection's
 * scheduler queues a PING for the current transport, unless {@code maxPingsOut} are still
 * unanswered: then the transport is stale and is given up. Counting PINGs queued (not written)
 * catches a dead server and a writer stuck in a write to a frozen one alike, with no read timeout
 * on the socket.
 *
 * <p>Thread-safety: ticks run on the scheduler; {@link #start} is called when a writer is attached.
 */
final class KeepAlive {
  private KeepAlive() {}

  /**
   * Starts the ticks for the transport of {@code writer}; {@link Outbound#detach} and {@link
   * Outbound#close} stop them.
   *
   * @param scheduler the connection's scheduler
   * @param interval the ping interval
   * @param outbound the buffer the PINGs go to
   * @param writer the writer of the transport
   * @param stale what to do when it is stale (runs on the scheduler; must not block long)
   */
  static void start(
      ConnectionScheduler scheduler,
      Duration interval,
      Outbound outbound,
      OutboundWriter writer,
      Runnable stale) {
    writer.keepAlive(
        scheduler.repeat(
            interval,
            () -> {
              Outbound.KeepAliveResult result = outbound.keepAlive(writer);
              if (result != Outbound.KeepAliveResult.SENT) {
                writer.stopKeepAlive();
                if (result == Outbound.KeepAliveResult.STALE) {
                  stale.run();
                }
              }
            }));
  }
}
