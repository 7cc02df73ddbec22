package io.nats4j.jetstream;

/**
 * What the server reports during a fast-ingest batch besides its flow acks (ADR-50): lost messages
 * and refused messages. Delivered to {@link FastPublishOptions.Builder#listener} on the publishing
 * thread, during {@code add}, {@code commit} or {@code close}.
 *
 * <p>Thread-safety: immutable values.
 */
public sealed interface FastPublishEvent {
  /**
   * Messages from {@code expected} up to but not including {@code current} (batch sequences) did
   * not reach the stream. In {@link FastPublishOptions.GapMode#FAIL} the batch ends there.
   *
   * @param expected the first lost batch sequence
   * @param current the batch sequence that arrived after the gap
   */
  record Gap(long expected, long current) implements FastPublishEvent {}

  /**
   * The stream refused the message at batch sequence {@code sequence}, e.g. an expectation failed.
   * In {@link FastPublishOptions.GapMode#FAIL} the batch ends there.
   *
   * @param sequence the batch sequence
   * @param error the server's error
   */
  record Refused(long sequence, ApiError error) implements FastPublishEvent {}
}
