package io.nats4j.jetstream;

/**
 * What a stream does when a limit is reached.
 *
 * <p>Thread-safety: immutable.
 */
public enum DiscardPolicy {
  /** Remove the oldest messages to make room. */
  OLD("old"),

  /** Refuse new messages. */
  NEW("new");

  private final String wireName;

  DiscardPolicy(String wireName) {
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
