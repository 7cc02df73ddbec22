package io.nats4j.jetstream;

/**
 * Reads a stream in order, each message exactly once, without a durable consumer (ADR-17 on pull):
 * behind it is an ephemeral consumer with ack policy none, memory storage and one replica, which is
 * recreated from the next expected stream sequence whenever a gap shows, heartbeats stop, the
 * connection reconnects or the consumer is gone (server restart). Messages need no acks (acking
 * throws).
 *
 * <pre>{@code
 * OrderedConsumer oc = js.orderedConsumer("ORDERS",
 *     OrderedConsumerConfig.builder().filterSubjects("orders.eu.>").build());
 * try (ConsumerMessages it = oc.messages()) {
 *   for (Optional<JsMessage> m; (m = it.next(Duration.ofSeconds(1))).isPresent(); ) {
 *     replay(m.get());
 *   }
 * }
 * }</pre>
 *
 * <p>{@code fetch} and {@code next} make a server consumer when they have none (the first call,
 * after an expired empty pull, a gap, or the consumer being gone). While JetStream elects a leader
 * that create may go unanswered: it is retried within the call's expiry, then reported as a {@link
 * JetStreamException}; the next call goes on from the last message delivered.
 *
 * <p>Use one read at a time: {@code consume}, {@code messages}, {@code fetch} and {@code next} of
 * one ordered consumer continue from where the previous read stopped; running two at once throws
 * {@link IllegalStateException}.
 *
 * <p>Thread-safety: safe from any thread.
 */
public interface OrderedConsumer extends MessageSource {

  /**
   * Returns the info of the server consumer currently behind this one, from its latest
   * (re)creation. Its {@code numPending()} at creation tells a watcher at once that the range is
   * empty. {@code consume} and {@code messages} create the server consumer before they return, so
   * creation errors are thrown there.
   *
   * @return the info, or null before the first read
   */
  ConsumerInfo currentInfo();
}
