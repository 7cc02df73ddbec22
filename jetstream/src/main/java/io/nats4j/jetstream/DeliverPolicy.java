package io.nats4j.jetstream;

/**
 * Where a new consumer starts in the stream.
 *
 * <p>Thread-safety: immutable.
 */
public enum DeliverPolicy {
  /** From the first message. */
  ALL("all"),

  /** From the last message. */
  LAST("last"),

  /** Only messages published after the consumer was created. */
  NEW("new"),

  /** From {@code opt_start_seq}. */
  BY_START_SEQUENCE("by_start_sequence"),

  /** From the first message at or after {@code opt_start_time}. */
  BY_START_TIME("by_start_time"),

  /** The last message of each subject, then new ones. */
  LAST_PER_SUBJECT("last_per_subject");

  private final String wireName;

  DeliverPolicy(String wireName) {
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
