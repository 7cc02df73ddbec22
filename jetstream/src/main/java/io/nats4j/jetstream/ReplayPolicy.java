package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How fast a consumer replays stored messages.
 *
 * <p>Thread-safety: immutable.
 */
public enum ReplayPolicy {
  /** As fast as possible. */
  @JsonProperty("instant")
  INSTANT,

  /** At the rate they were published. */
  @JsonProperty("original")
  ORIGINAL;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return ReplayPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
