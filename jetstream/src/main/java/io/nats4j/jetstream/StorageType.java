package io.nats4j.jetstream;

/**
 * Where a stream or consumer keeps its data.
 *
 * <p>Thread-safety: immutable.
 */
public enum StorageType {
  /** On disk. */
  FILE("file"),

  /** In memory only. */
  MEMORY("memory");

  private final String wireName;

  StorageType(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name the server uses on the wire.
   *
   * @return the wire name
   */
  public String wireName() {
    return wireName;
  }
}
