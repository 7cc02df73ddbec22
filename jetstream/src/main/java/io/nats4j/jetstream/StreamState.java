package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a stream at the time it was asked for.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamState {
  private final long messages;
  private final long bytes;
  private final long firstSeq;
  private final Instant firstTs;
  private final long lastSeq;
  private final Instant lastTs;
  private final long numSubjects;
  private final Map<String, Long> subjects;
  private final long numDeleted;
  private final List<Long> deleted;
  private final LostStreamData lost;
  private final long consumerCount;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamState() {
    this(0, 0, 0, null, 0, null, 0, null, 0, null, null, 0);
  }

  StreamState(
      long messages,
      long bytes,
      long firstSeq,
      Instant firstTs,
      long lastSeq,
      Instant lastTs,
      long numSubjects,
      Map<String, Long> subjects,
      long numDeleted,
      List<Long> deleted,
      LostStreamData lost,
      long consumerCount) {
    subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
    deleted = deleted == null ? List.of() : List.copyOf(deleted);
    this.messages = messages;
    this.bytes = bytes;
    this.firstSeq = firstSeq;
    this.firstTs = firstTs;
    this.lastSeq = lastSeq;
    this.lastTs = lastTs;
    this.numSubjects = numSubjects;
    this.subjects = subjects;
    this.numDeleted = numDeleted;
    this.deleted = deleted;
    this.lost = lost;
    this.consumerCount = consumerCount;
  }

  /**
   * Returns the stored message count.
   *
   * @return the stored message count
   */
  public long messages() {
    return messages;
  }

  /**
   * Returns the stored bytes.
   *
   * @return the stored bytes
   */
  public long bytes() {
    return bytes;
  }

  /**
   * Returns the first sequence.
   *
   * @return the first sequence
   */
  public long firstSeq() {
    return firstSeq;
  }

  /**
   * Returns the time of the first message, null if empty.
   *
   * @return the time of the first message, null if empty
   */
  public Instant firstTs() {
    return firstTs;
  }

  /**
   * Returns the last sequence.
   *
   * @return the last sequence
   */
  public long lastSeq() {
    return lastSeq;
  }

  /**
   * Returns the time of the last message, null if empty.
   *
   * @return the time of the last message, null if empty
   */
  public Instant lastTs() {
    return lastTs;
  }

  /**
   * Returns the number of distinct subjects.
   *
   * @return the number of distinct subjects
   */
  public long numSubjects() {
    return numSubjects;
  }

  /**
   * Returns message count per subject; only filled when asked for with a subject filter.
   *
   * @return message count per subject; only filled when asked for with a subject filter
   */
  public Map<String, Long> subjects() {
    return subjects == null ? Map.of() : Collections.unmodifiableMap(subjects);
  }

  /**
   * Returns the number of deleted messages (interior gaps).
   *
   * @return the number of deleted messages (interior gaps)
   */
  public long numDeleted() {
    return numDeleted;
  }

  /**
   * Returns the deleted sequences; only filled when deleted details were asked for.
   *
   * @return the deleted sequences; only filled when deleted details were asked for
   */
  public List<Long> deleted() {
    return deleted == null ? List.of() : Collections.unmodifiableList(deleted);
  }

  /**
   * Returns messages lost to corruption, null if none.
   *
   * @return messages lost to corruption, null if none
   */
  public LostStreamData lost() {
    return lost;
  }

  /**
   * Returns the number of consumers.
   *
   * @return the number of consumers
   */
  public long consumerCount() {
    return consumerCount;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamState)) {
      return false;
    }
    StreamState that = (StreamState) o;
    return messages == that.messages
        && bytes == that.bytes
        && firstSeq == that.firstSeq
        && Objects.equals(firstTs, that.firstTs)
        && lastSeq == that.lastSeq
        && Objects.equals(lastTs, that.lastTs)
        && numSubjects == that.numSubjects
        && Objects.equals(subjects(), that.subjects())
        && numDeleted == that.numDeleted
        && Objects.equals(deleted(), that.deleted())
        && Objects.equals(lost, that.lost)
        && consumerCount == that.consumerCount;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        messages,
        bytes,
        firstSeq,
        firstTs,
        lastSeq,
        lastTs,
        numSubjects,
        subjects(),
        numDeleted,
        deleted(),
        lost,
        consumerCount);
  }

  @Override
  public String toString() {
    return "StreamState["
        + "messages="
        + messages
        + ", "
        + "bytes="
        + bytes
        + ", "
        + "firstSeq="
        + firstSeq
        + ", "
        + "firstTs="
        + firstTs
        + ", "
        + "lastSeq="
        + lastSeq
        + ", "
        + "lastTs="
        + lastTs
        + ", "
        + "numSubjects="
        + numSubjects
        + ", "
        + "subjects="
        + subjects()
        + ", "
        + "numDeleted="
        + numDeleted
        + ", "
        + "deleted="
        + deleted()
        + ", "
        + "lost="
        + lost
        + ", "
        + "consumerCount="
        + consumerCount
        + "]";
  }
}
