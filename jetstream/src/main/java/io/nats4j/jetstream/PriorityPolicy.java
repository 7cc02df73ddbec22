package io.nats4j.jetstream;

/**
 * How a pull consumer with priority groups picks a client (ADR-42).
 *
 * <p>Thread-safety: immutable.
 */
public enum PriorityPolicy {
  /** No priority handling. */
  NONE("none"),

  /** Clients get messages only when pending counts exceed their thresholds. */
  OVERFLOW("overflow"),

  /** One pinned client gets all messages until it goes away. */
  PINNED_CLIENT("pinned_client"),

  /** Lower priority numbers are served first (API level 2, nats-server 2.12). */
  PRIORITIZED("prioritized");

  private final String wireName;

  PriorityPolicy(String wireName) {
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
