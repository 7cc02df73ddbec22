package io.nats4j.jetstream;

/**
 * How fast a consumer replays stored messages.
 *
 * <p>Thread-safety: immutable.
 */
public enum ReplayPolicy {
  /** As fast as possible. */
  INSTANT("instant"),

  /** At the rate they were published. */
  ORIGINAL("original");

  private final String wireName;

  ReplayPolicy(String wireName) {
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
