package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Objects;

/**
 * A consumer's position: the consumer sequence and the matching stream sequence.
 *
 * <p>Thread-safety: immutable.
 */
public final class SequenceInfo {
  private final long consumerSeq;
  private final long streamSeq;
  private final Instant lastActive;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private SequenceInfo() {
    this(0, 0, null);
  }

  SequenceInfo(long consumerSeq, long streamSeq, Instant lastActive) {
    this.consumerSeq = consumerSeq;
    this.streamSeq = streamSeq;
    this.lastActive = lastActive;
  }

  /**
   * Returns the consumer sequence.
   *
   * @return the consumer sequence
   */
  public long consumerSeq() {
    return consumerSeq;
  }

  /**
   * Returns the stream sequence.
   *
   * @return the stream sequence
   */
  public long streamSeq() {
    return streamSeq;
  }

  /**
   * Returns when the position last moved, null if never.
   *
   * @return when the position last moved, null if never
   */
  public Instant lastActive() {
    return lastActive;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SequenceInfo)) {
      return false;
    }
    SequenceInfo that = (SequenceInfo) o;
    return consumerSeq == that.consumerSeq
        && streamSeq == that.streamSeq
        && Objects.equals(lastActive, that.lastActive);
  }

  @Override
  public int hashCode() {
    return Objects.hash(consumerSeq, streamSeq, lastActive);
  }

  @Override
  public String toString() {
    return "SequenceInfo["
        + "consumerSeq="
        + consumerSeq
        + ", "
        + "streamSeq="
        + streamSeq
        + ", "
        + "lastActive="
        + lastActive
        + "]";
  }
}
