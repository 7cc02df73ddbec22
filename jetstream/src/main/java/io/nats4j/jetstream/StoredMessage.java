package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message read from a stream by sequence or subject, through the API or Direct Get.
 *
 * <p>Thread-safety: immutable except that {@code data} is the array as received; do not modify it
 * if the message is shared.
 */
public final class StoredMessage {
  private final String stream;
  private final String subject;
  private final long seq;
  private final Instant time;
  private final Headers headers;
  private final byte[] data;

  StoredMessage(
      String stream, String subject, long seq, Instant time, Headers headers, byte[] data) {
    this.stream = stream;
    this.subject = subject;
    this.seq = seq;
    this.time = time;
    this.headers = headers;
    this.data = data;
  }

  /**
   * Returns the stream.
   *
   * @return the stream
   */
  public String stream() {
    return stream;
  }

  /**
   * Returns the subject the message was published to.
   *
   * @return the subject the message was published to
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns its sequence in the stream.
   *
   * @return its sequence in the stream
   */
  public long seq() {
    return seq;
  }

  /**
   * Returns when the stream stored it.
   *
   * @return when the stream stored it
   */
  public Instant time() {
    return time;
  }

  /**
   * Returns its headers (read-only; empty if none); Direct Get adds {@code Nats-Stream}, {@code
   * Nats-Subject}, {@code Nats-Sequence}, {@code Nats-Time-Stamp}.
   *
   * @return its headers (read-only; empty if none); Direct Get adds {@code Nats-Stream}, {@code
   *     Nats-Subject}, {@code Nats-Sequence}, {@code Nats-Time-Stamp}
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the payload.
   *
   * @return the payload
   */
  public byte[] data() {
    return data;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StoredMessage)) {
      return false;
    }
    StoredMessage that = (StoredMessage) o;
    return Objects.equals(stream, that.stream)
        && Objects.equals(subject, that.subject)
        && seq == that.seq
        && Objects.equals(time, that.time)
        && Objects.equals(headers, that.headers)
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, subject, seq, time, headers, Arrays.hashCode(data));
  }

  /** Describes the message; the payload by its size only (it may be large or binary). */
  @Override
  public String toString() {
    return "StoredMessage["
        + "stream="
        + stream
        + ", "
        + "subject="
        + subject
        + ", "
        + "seq="
        + seq
        + ", "
        + "time="
        + time
        + ", "
        + "headers="
        + headers
        + ", "
        + "data="
        + (data == null ? "null" : data.length + " bytes")
        + "]";
  }
}
