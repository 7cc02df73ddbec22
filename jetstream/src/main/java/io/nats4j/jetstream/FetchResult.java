package io.nats4j.jetstream;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The messages of one {@link MessageSource#fetch}, in delivery order, and why it ended.
 *
 * <p>Thread-safety: immutable (the messages themselves are thread-safe).
 */
public final class FetchResult implements Iterable<JsMessage> {

  /** Why a fetch ended. */
  public enum End {
    /** The asked number of messages (or bytes) came. */
    COMPLETE,
    /** The server had no (more) messages for a no-wait fetch ({@code 404}). */
    NO_MESSAGES,
    /** The request expired ({@code 408}) or the client-side deadline passed. */
    EXPIRED,
    /** The next message would have exceeded the byte bound ({@code 409 Message Size Exceeds}). */
    MAX_BYTES,
    /** The server ended the request with another status, see {@link #error()}. */
    ERROR,
    /** Two idle heartbeats in a row did not come. */
    HEARTBEATS_MISSED
  }

  private final List<JsMessage> messages;
  private final long bytes;
  private final End end;
  private final JetStreamException error;

  private FetchResult(List<JsMessage> messages, long bytes, End end, JetStreamException error) {
    this.messages = List.copyOf(messages);
    this.bytes = bytes;
    this.end = end;
    this.error = error;
  }

  /**
   * Creates a result (used by the consumer implementations).
   *
   * @param messages the messages, in order
   * @param bytes their size as the server counts it
   * @param end why the fetch ended
   * @param error the error for {@link End#ERROR} / {@link End#HEARTBEATS_MISSED}, else null
   * @return the result
   */
  public static FetchResult of(
      List<JsMessage> messages, long bytes, End end, JetStreamException error) {
    return new FetchResult(messages, bytes, end, error);
  }

  /**
   * Returns the messages.
   *
   * @return an immutable list in delivery order
   */
  public List<JsMessage> messages() {
    return messages;
  }

  /**
   * Returns how many messages came.
   *
   * @return the count
   */
  public int size() {
    return messages.size();
  }

  /**
   * Tells whether nothing came.
   *
   * @return true for an empty batch
   */
  public boolean isEmpty() {
    return messages.isEmpty();
  }

  /**
   * Returns the size of the messages as the server counts it (subject + reply + headers + payload).
   *
   * @return the bytes
   */
  public long bytes() {
    return bytes;
  }

  /**
   * Returns why the fetch ended.
   *
   * @return the reason
   */
  public End end() {
    return end;
  }

  /**
   * Returns the error that ended the fetch after some messages came.
   *
   * @return the error, or empty
   */
  public Optional<JetStreamException> error() {
    return Optional.ofNullable(error);
  }

  @Override
  public Iterator<JsMessage> iterator() {
    return messages.iterator();
  }

  @Override
  public String toString() {
    return "FetchResult[messages=" + messages.size() + ", bytes=" + bytes + ", end=" + end + "]";
  }
}
