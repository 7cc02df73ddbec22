package io.nats4j.jetstream;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The messages of a batch or multi-last Direct Get (ADR-31), with what the end-of-batch status (204
 * EOB) reported.
 *
 * <p>Thread-safety: immutable.
 */
public final class DirectBatch {
  private final List<StoredMessage> messages;
  private final long numPending;
  private final long lastSequence;
  private final long upToSequence;

  DirectBatch(List<StoredMessage> messages, long numPending, long lastSequence, long upToSequence) {
    messages = List.copyOf(messages);
    this.messages = messages;
    this.numPending = numPending;
    this.lastSequence = lastSequence;
    this.upToSequence = upToSequence;
  }

  /**
   * Returns the messages in the order the server sent them.
   *
   * @return the messages in the order the server sent them
   */
  public List<StoredMessage> messages() {
    return messages == null ? List.of() : Collections.unmodifiableList(messages);
  }

  /**
   * Returns messages left after this batch that matched the request.
   *
   * @return messages left after this batch that matched the request
   */
  public long numPending() {
    return numPending;
  }

  /**
   * Returns the last sequence the server looked at.
   *
   * @return the last sequence the server looked at
   */
  public long lastSequence() {
    return lastSequence;
  }

  /**
   * Returns multi-last: the stream sequence the answer is consistent with, else 0.
   *
   * @return multi-last: the stream sequence the answer is consistent with, else 0
   */
  public long upToSequence() {
    return upToSequence;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DirectBatch)) {
      return false;
    }
    DirectBatch that = (DirectBatch) o;
    return Objects.equals(messages(), that.messages())
        && numPending == that.numPending
        && lastSequence == that.lastSequence
        && upToSequence == that.upToSequence;
  }

  @Override
  public int hashCode() {
    return Objects.hash(messages(), numPending, lastSequence, upToSequence);
  }

  @Override
  public String toString() {
    return "DirectBatch["
        + "messages="
        + messages()
        + ", "
        + "numPending="
        + numPending
        + ", "
        + "lastSequence="
        + lastSequence
        + ", "
        + "upToSequence="
        + upToSequence
        + "]";
  }
}
