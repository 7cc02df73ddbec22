package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a stream does when a limit is reached.
 *
 * <p>Thread-safety: immutable.
 */
public enum DiscardPolicy {
  /** Remove the oldest messages to make room. */
  @JsonProperty("old")
  OLD,

  /** Refuse new messages. */
  @JsonProperty("new")
  NEW;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return DiscardPolicy.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
