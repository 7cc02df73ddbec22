package io.nats4j.jetstream;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Messages the server lost, e.g. after disk corruption.
 *
 * <p>Thread-safety: immutable.
 */
public final class LostStreamData {
  private final List<Long> msgs;
  private final long bytes;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private LostStreamData() {
    this(null, 0);
  }

  LostStreamData(List<Long> msgs, long bytes) {
    msgs = msgs == null ? List.of() : List.copyOf(msgs);
    this.msgs = msgs;
    this.bytes = bytes;
  }

  /**
   * Returns the lost sequences.
   *
   * @return the lost sequences
   */
  public List<Long> msgs() {
    return msgs == null ? List.of() : Collections.unmodifiableList(msgs);
  }

  /**
   * Returns the lost bytes.
   *
   * @return the lost bytes
   */
  public long bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof LostStreamData)) {
      return false;
    }
    LostStreamData that = (LostStreamData) o;
    return Objects.equals(msgs(), that.msgs()) && bytes == that.bytes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(msgs(), bytes);
  }

  @Override
  public String toString() {
    return "LostStreamData[" + "msgs=" + msgs() + ", " + "bytes=" + bytes + "]";
  }
}
