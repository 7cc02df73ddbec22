package io.nats4j.jetstream;

/**
 * How a stream decides which messages to keep.
 *
 * <p>Thread-safety: immutable.
 */
public enum RetentionPolicy {
  /** Keep messages until a limit (count, bytes, age) is reached. */
  LIMITS("limits"),

  /** Keep messages while a consumer still has to acknowledge them. */
  INTEREST("interest"),

  /** Remove each message once one consumer acknowledged it. */
  WORK_QUEUE("workqueue");

  private final String wireName;

  RetentionPolicy(String wireName) {
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
