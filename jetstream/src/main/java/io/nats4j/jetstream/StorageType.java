package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a stream or consumer keeps its data.
 *
 * <p>Thread-safety: immutable.
 */
public enum StorageType {
  /** On disk. */
  @JsonProperty("file")
  FILE,

  /** In memory only. */
  @JsonProperty("memory")
  MEMORY;

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    try {
      return StorageType.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
