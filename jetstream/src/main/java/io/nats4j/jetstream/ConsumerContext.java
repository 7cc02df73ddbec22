package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A handle on an existing pull consumer, from {@link JetStream#consumer(String, String)}: read it
 * with {@code next}, {@code fetch}, {@code consume} or {@code messages} (see {@link
 * MessageSource}).
 *
 * <pre>{@code
 * ConsumerContext c = js.consumer("ORDERS", "processor");
 * FetchResult batch = c.fetch(FetchOptions.messages(100));
 * for (JsMessage m : batch) { process(m); m.ack(); }
 * }</pre>
 *
 * <p>The handle looked the consumer up once when it was made (so a missing consumer or a push
 * consumer fails there); it does not follow later changes except through {@link #info()}.
 *
 * <p>Thread-safety: safe from any thread.
 */
public interface ConsumerContext extends MessageSource {

  /**
   * Returns the stream.
   *
   * @return the stream name
   */
  String stream();

  /**
   * Returns the consumer.
   *
   * @return the consumer name
   */
  String name();

  /**
   * Asks the server for the consumer's current info.
   *
   * @return the info
   * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} if it is gone
   */
  ConsumerInfo info();

  /**
   * Returns the info from when this handle was made (or the last {@link #info()} call), without
   * asking the server.
   *
   * @return the cached info
   */
  ConsumerInfo cachedInfo();

  /**
   * Waits up to {@code maxWait} for one message, pulling as a member of a priority group (ADR-42).
   * In a {@code pinned_client} group the pin id this handle received is sent with every pull (of
   * {@code next} and {@code fetch}), so the pinned member keeps being served.
   *
   * @param maxWait how long the server holds the pull
   * @param priority the priority-group fields
   * @return the message, or empty when none came in time
   * @throws JetStreamException if the server ended the pull with an error
   */
  default Optional<JsMessage> next(Duration maxWait, PriorityPull priority) {
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(priority, "priority");
    FetchResult r =
        fetch(FetchOptions.builder().maxMessages(1).expiresIn(maxWait).priority(priority).build());
    return r.isEmpty() ? Optional.empty() : Optional.of(r.messages().get(0));
  }
}
