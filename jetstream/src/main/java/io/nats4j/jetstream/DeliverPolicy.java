package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a new consumer starts in the stream.
 *
 * <p>Thread-safety: immutable.
 */
public enum DeliverPolicy {
  /** From the first message. */
  @JsonProperty("all")
  ALL,

  /** From the last message. */
  @JsonProperty("last")
  LAST,

  /** Only messages published after the consumer was created. */
  @JsonProperty("new")
  NEW,

  /** From {@code opt_start_seq}. */
  @JsonProperty("by_start_sequence")
  BY_START_SEQUENCE,

  /** From the first message at or after {@code opt_start_time}. */
  @JsonProperty("by_start_time")
  BY_START_TIME,

  /** The last message of each subject, then new ones. */
  @JsonProperty("last_per_subject")
  LAST_PER_SUBJECT;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return DeliverPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
