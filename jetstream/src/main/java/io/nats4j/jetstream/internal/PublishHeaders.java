package io.nats4j.jetstream.internal;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.PublishOptions;
import java.util.List;

/**
 * Turns {@link PublishOptions} into the JetStream publish headers.
 *
 * <p>Thread-safety: stateless.
 */
public final class PublishHeaders {
  /** Deduplication id. */
  public static final String MSG_ID = "Nats-Msg-Id";

  /** Expected stream. */
  public static final String EXPECTED_STREAM = "Nats-Expected-Stream";

  /** Expected last stream sequence. */
  public static final String EXPECTED_LAST_SEQUENCE = "Nats-Expected-Last-Sequence";

  /** Expected last sequence on the subject. */
  public static final String EXPECTED_LAST_SUBJECT_SEQUENCE = "Nats-Expected-Last-Subject-Sequence";

  /** The subject whose last sequence is checked. */
  public static final String EXPECTED_LAST_SUBJECT_SEQUENCE_SUBJECT =
      "Nats-Expected-Last-Subject-Sequence-Subject";

  /** Expected id of the last message. */
  public static final String EXPECTED_LAST_MSG_ID = "Nats-Expected-Last-Msg-Id";

  /** Per-message TTL (ADR-43). */
  public static final String TTL = "Nats-TTL";

  private PublishHeaders() {}

  /**
   * Returns the API-level requirements of the options.
   *
   * @param options the options
   * @return the requirements
   */
  public static List<ApiLevels.Requirement> requirements(PublishOptions options) {
    if (options.ttl() != null || options.ttlNever()) {
      return List.of(new ApiLevels.Requirement(TTL + " header", ApiLevels.TTL_PAUSE_PRIORITY));
    }
    return List.of();
  }

  /**
   * Adds the headers for the options to the user's headers (copied, never modified).
   *
   * @param userHeaders the caller's headers, or null
   * @param options the options
   * @return the headers to send, or null if there are none
   */
  public static Headers merge(Headers userHeaders, PublishOptions options) {
    if (options == PublishOptions.NONE || options == null) {
      return userHeaders;
    }
    Headers h = new Headers();
    if (userHeaders != null) {
      for (String key : userHeaders.keys()) {
        h.add(key, userHeaders.get(key).toArray(new String[0]));
      }
    }
    if (options.messageId() != null) {
      h.put(MSG_ID, options.messageId());
    }
    if (options.expectedStream() != null) {
      h.put(EXPECTED_STREAM, options.expectedStream());
    }
    if (options.expectedLastSequence() != null) {
      h.put(EXPECTED_LAST_SEQUENCE, Long.toString(options.expectedLastSequence()));
    }
    if (options.expectedLastSubjectSequence() != null) {
      h.put(EXPECTED_LAST_SUBJECT_SEQUENCE, Long.toString(options.expectedLastSubjectSequence()));
    }
    if (options.expectedLastSubjectSequenceSubject() != null) {
      h.put(EXPECTED_LAST_SUBJECT_SEQUENCE_SUBJECT, options.expectedLastSubjectSequenceSubject());
    }
    if (options.expectedLastMessageId() != null) {
      h.put(EXPECTED_LAST_MSG_ID, options.expectedLastMessageId());
    }
    if (options.ttlNever()) {
      h.put(TTL, "never");
    } else if (options.ttl() != null) {
      h.put(TTL, options.ttl().toSeconds() + "s");
    }
    return h.isEmpty() ? null : h;
  }
}
