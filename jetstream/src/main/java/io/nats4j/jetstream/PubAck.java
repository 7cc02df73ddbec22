package io.nats4j.jetstream;

import java.util.Objects;

/**
 * The server's acknowledgement of a message stored in a stream.
 *
 * <p>Thread-safety: immutable.
 */
public final class PubAck {
  private final String stream;
  private final long seq;
  private final String domain;
  private final boolean duplicate;
  private final String val;
  private final String batch;
  private final long count;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private PubAck() {
    this(null, 0, null, false, null, null, 0);
  }

  PubAck(
      String stream,
      long seq,
      String domain,
      boolean duplicate,
      String val,
      String batch,
      long count) {
    this.stream = stream;
    this.seq = seq;
    this.domain = domain;
    this.duplicate = duplicate;
    this.val = val;
    this.batch = batch;
    this.count = count;
  }

  /**
   * Returns the stream that stored the message.
   *
   * @return the stream that stored the message
   */
  public String stream() {
    return stream;
  }

  /**
   * Returns the message's sequence in the stream.
   *
   * @return the message's sequence in the stream
   */
  public long seq() {
    return seq;
  }

  /**
   * Returns the JetStream domain, null if none.
   *
   * @return the JetStream domain, null if none
   */
  public String domain() {
    return domain;
  }

  /**
   * Returns true if the message id was seen within the duplicate window and the message was not
   * stored again ({@code seq} is then the original's).
   *
   * @return true if the message id was seen within the duplicate window and the message was not
   *     stored again ({@code seq} is then the original's)
   */
  public boolean duplicate() {
    return duplicate;
  }

  /**
   * Returns counter streams: the counter's new value as a decimal string, null otherwise.
   *
   * @return counter streams: the counter's new value as a decimal string, null otherwise
   */
  public String val() {
    return val;
  }

  /**
   * Returns batch publish: the batch id, null otherwise.
   *
   * @return batch publish: the batch id, null otherwise
   */
  public String batch() {
    return batch;
  }

  /**
   * Returns batch publish: the number of messages committed.
   *
   * @return batch publish: the number of messages committed
   */
  public long count() {
    return count;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PubAck)) {
      return false;
    }
    PubAck that = (PubAck) o;
    return Objects.equals(stream, that.stream)
        && seq == that.seq
        && Objects.equals(domain, that.domain)
        && duplicate == that.duplicate
        && Objects.equals(val, that.val)
        && Objects.equals(batch, that.batch)
        && count == that.count;
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, seq, domain, duplicate, val, batch, count);
  }

  @Override
  public String toString() {
    return "PubAck["
        + "stream="
        + stream
        + ", "
        + "seq="
        + seq
        + ", "
        + "domain="
        + domain
        + ", "
        + "duplicate="
        + duplicate
        + ", "
        + "val="
        + val
        + ", "
        + "batch="
        + batch
        + ", "
        + "count="
        + count
        + "]";
  }
}
