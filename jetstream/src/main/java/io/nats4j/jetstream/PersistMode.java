package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a stream persists writes (API level 2, nats-server 2.12).
 *
 * <p>Thread-safety: immutable.
 */
public enum PersistMode {
  /** Each write is persisted before it is acknowledged, as before 2.12. */
  @JsonProperty("default")
  DEFAULT,

  /** Writes are acknowledged before they are flushed (file storage only). */
  @JsonProperty("async")
  ASYNC;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return PersistMode.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
