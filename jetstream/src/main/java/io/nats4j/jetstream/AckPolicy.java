package io.nats4j.jetstream;

/**
 * How a consumer expects its messages to be acknowledged.
 *
 * <p>Thread-safety: immutable.
 */
public enum AckPolicy {
  /** No acknowledgement. */
  NONE("none"),

  /** Acknowledging a message acknowledges all before it. */
  ALL("all"),

  /** Every message is acknowledged on its own. */
  EXPLICIT("explicit"),

  /**
   * Acknowledged through flow control responses (API level 4, nats-server 2.14; used for reliable
   * sourcing).
   */
  FLOW_CONTROL("flow_control");

  private final String wireName;

  AckPolicy(String wireName) {
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
