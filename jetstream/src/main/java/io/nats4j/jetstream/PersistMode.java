package io.nats4j.jetstream;

/**
 * How a stream persists writes (API level 2, nats-server 2.12).
 *
 * <p>Thread-safety: immutable.
 */
public enum PersistMode {
  /** Each write is persisted before it is acknowledged, as before 2.12. */
  DEFAULT("default"),

  /** Writes are acknowledged before they are flushed (file storage only). */
  ASYNC("async");

  private final String wireName;

  PersistMode(String wireName) {
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
