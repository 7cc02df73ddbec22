package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a consumer expects its messages to be acknowledged.
 *
 * <p>Thread-safety: immutable.
 */
public enum AckPolicy {
  /** No acknowledgement. */
  @JsonProperty("none")
  NONE,

  /** Acknowledging a message acknowledges all before it. */
  @JsonProperty("all")
  ALL,

  /** Every message is acknowledged on its own. */
  @JsonProperty("explicit")
  EXPLICIT,

  /**
   * Acknowledged through flow control responses (API level 4, nats-server 2.14; used for reliable
   * sourcing).
   */
  @JsonProperty("flow_control")
  FLOW_CONTROL;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return AckPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
