package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Optional;

/**
 * A blocking iterator over a consumer, kept filled by pull requests like {@link
 * MessageSource#consume}; the caller paces it. Blocking waits park the calling thread without
 * pinning, so it is safe on virtual threads.
 *
 * <pre>{@code
 * try (ConsumerMessages it = consumer.messages()) {
 *   Optional<JsMessage> m;
 *   while ((m = it.next(Duration.ofSeconds(1))).isPresent()) {
 *     m.get().ack();
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe from any thread; each message goes to exactly one caller of {@link
 * #next(Duration)}.
 */
public interface ConsumerMessages extends AutoCloseable {

  /**
   * Takes the next message.
   *
   * @param maxWait how long to wait; zero means do not wait
   * @return the message, or empty when none came in time
   * @throws JetStreamException if a terminal error (consumer deleted, ...) ended the iterator
   * @throws IllegalStateException if the iterator was stopped or closed
   */
  Optional<JsMessage> next(Duration maxWait);

  /** Stops pulling and drops what was buffered. Idempotent. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  void close();
}
