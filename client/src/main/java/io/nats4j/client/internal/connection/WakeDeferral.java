package io.nats4j.client.internal.connection;

/**
 * Lets a dispatcher thread hold back the writer wake-ups of the acks its handlers publish ({@link
 * Outbound#publishHoldable}: fire-and-forget messages to a subject the server gave, such as a
 * JetStream ack) until the end of the batch it is running, so a batch of acks goes out in one write
 * with one wake-up instead of one each. Other publishes (requests, replies, user messages) wake the
 * writer as before.
 *
 * <p>The delay is bounded without relying on the batch ending: a publish is held back only while
 * the writer is in its short lingering park after a write ({@link Outbound#awaitWork}), which ends
 * by itself after {@link Outbound#LINGER_NANOS} and then writes what was held. A writer parked for
 * good is always woken at once, and so is anything but a holdable publish, so a handler that acks
 * and then blocks (a long task) delays its ack by at most the linger.
 *
 * <p>Thread-safety: the state is per thread.
 */
public final class WakeDeferral {
  private static final Object HOLDING = new Object();
  private static final ThreadLocal<Object> HELD = new ThreadLocal<>();

  private WakeDeferral() {}

  /** Starts holding back wake-ups on this thread (a dispatcher, before it runs a batch). */
  public static void hold() {
    HELD.set(HOLDING);
  }

  /** Stops holding back and wakes the writer whose wake-up was held, if any. */
  public static void release() {
    Object held = HELD.get();
    HELD.remove();
    if (held instanceof Outbound outbound) {
      outbound.wakeHeld();
    }
  }

  /**
   * Called under {@code outbound}'s lock by a publish that would wake its lingering writer.
   *
   * @return true if the wake-up is held back (the caller skips it)
   */
  static boolean defer(Outbound outbound) {
    Object held = HELD.get();
    if (held == null) {
      return false;
    }
    if (held == HOLDING) {
      HELD.set(outbound);
      return true;
    }
    return held == outbound; // another connection's writer: wake this one now
  }
}
