package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stream storage compression (file storage only).
 *
 * <p>Thread-safety: immutable.
 */
public enum Compression {
  /** No compression. */
  @JsonProperty("none")
  NONE,

  /** S2 compression. */
  @JsonProperty("s2")
  S2;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return Compression.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
