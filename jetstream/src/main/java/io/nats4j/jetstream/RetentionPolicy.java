package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a stream decides which messages to keep.
 *
 * <p>Thread-safety: immutable.
 */
public enum RetentionPolicy {
  /** Keep messages until a limit (count, bytes, age) is reached. */
  @JsonProperty("limits")
  LIMITS,

  /** Keep messages while a consumer still has to acknowledge them. */
  @JsonProperty("interest")
  INTEREST,

  /** Remove each message once one consumer acknowledged it. */
  @JsonProperty("workqueue")
  WORK_QUEUE;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return RetentionPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
