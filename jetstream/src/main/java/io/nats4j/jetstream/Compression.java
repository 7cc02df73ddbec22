package io.nats4j.jetstream;

/**
 * Stream storage compression (file storage only).
 *
 * <p>Thread-safety: immutable.
 */
public enum Compression {
  /** No compression. */
  NONE("none"),

  /** S2 compression. */
  S2("s2");

  private final String wireName;

  Compression(String wireName) {
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
