package io.nats4j.jetstream.internal.consume;

import io.nats4j.jetstream.JetStreamException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a consume does after a {@code 503} to its pull: tells the user, pulls again a second later,
 * and meanwhile asks whether the consumer still exists (gone ends the consume). The pull does not
 * wait for the answer: after the death of a consumer's leader the info request has no one to answer
 * it either and times out, while a new leader is usually elected sooner.
 *
 * <p>Thread-safety: safe from any thread; one retry and one check are in progress at a time.
 */
final class NoRespondersRecovery {
  /** How long after a {@code 503} the pull goes again. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final PullTarget target;
  private final Listeners listeners;
  private final Consumer<JetStreamException> gone;
  private final Runnable repull;
  private final AtomicBoolean retrying = new AtomicBoolean();
  private final AtomicBoolean checking = new AtomicBoolean();

  /**
   * @param gone ends the consume when the consumer or its stream is gone
   * @param repull pulls afresh unless the consume has ended
   */
  NoRespondersRecovery(
      PullTarget target, Listeners listeners, Consumer<JetStreamException> gone, Runnable repull) {
    this.target = target;
    this.listeners = listeners;
    this.gone = gone;
    this.repull = repull;
  }

  void onNoResponders() {
    if (retrying.compareAndSet(false, true)) {
      listeners.warning(503, "no responders for the pull of " + target.describe());
      Timers.scheduleOnEvents(
          target.connection,
          RETRY_AFTER,
          () -> {
            retrying.set(false);
            repull.run();
          });
    }
    if (checking.compareAndSet(false, true)) {
      ConsumerCheck.run(
          target,
          error -> {
            checking.set(false);
            gone.accept(error);
          },
          () -> checking.set(false));
    }
  }
}
