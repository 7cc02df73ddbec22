package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a pull consumer with priority groups picks a client (ADR-42).
 *
 * <p>Thread-safety: immutable.
 */
public enum PriorityPolicy {
  /** No priority handling. */
  @JsonProperty("none")
  NONE,

  /** Clients get messages only when pending counts exceed their thresholds. */
  @JsonProperty("overflow")
  OVERFLOW,

  /** One pinned client gets all messages until it goes away. */
  @JsonProperty("pinned_client")
  PINNED_CLIENT,

  /** Lower priority numbers are served first (API level 2, nats-server 2.12). */
  @JsonProperty("prioritized")
  PRIORITIZED;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return PriorityPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
