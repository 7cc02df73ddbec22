package io.nats4j.kv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One revision of a key, as read by {@code get}, {@code history} or a watcher: bucket, key, value,
 * revision (the stream sequence), creation time, delta (how many newer revisions of the key the
 * watcher still has to deliver, 0 for the latest) and operation.
 *
 * <p>Thread-safe: immutable. {@link #value()} returns the entry's own array without a copy (reads
 * stay allocation-free); do not modify it.
 */
public final class KeyValueEntry {
  private static final byte[] EMPTY = new byte[0];

  private final String bucket;
  private final String key;
  private final byte[] value;
  private final long revision;
  private final long delta;
  private final KeyValueOperation operation;
  // Direct Get replies carry the time as RFC 3339 text: parsed on first use, not on the hot path.
  private final String createdText;
  private volatile Instant created;

  KeyValueEntry(
      String bucket,
      String key,
      byte[] value,
      long revision,
      Instant created,
      String createdText,
      long delta,
      KeyValueOperation operation) {
    this.bucket = bucket;
    this.key = key;
    this.value = value == null ? EMPTY : value;
    this.revision = revision;
    this.created = created;
    this.createdText = createdText;
    this.delta = delta;
    this.operation = operation;
  }

  /**
   * Returns the bucket the entry was read from.
   *
   * @return the bucket the entry was read from
   */
  public String bucket() {
    return bucket;
  }

  /**
   * Returns the key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * Returns the value: empty for a delete or purge, and for a watcher in meta-only mode.
   *
   * @return the value: empty for a delete or purge, and for a watcher in meta-only mode
   */
  public byte[] value() {
    return value;
  }

  /**
   * Returns the value decoded as UTF-8.
   *
   * @return the value decoded as UTF-8
   */
  public String valueAsString() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /**
   * Returns the revision: the sequence of this message in the bucket's stream.
   *
   * @return the revision: the sequence of this message in the bucket's stream
   */
  public long revision() {
    return revision;
  }

  /**
   * Returns when the server stored this revision, or null if the server did not say.
   *
   * @return when the server stored this revision, or null if the server did not say
   */
  public Instant created() {
    Instant c = created;
    if (c == null && createdText != null) {
      c = OffsetDateTime.parse(createdText).toInstant();
      created = c;
    }
    return c;
  }

  /**
   * Returns how many messages of the watched range were still pending after this one when it was
   * delivered (0 for the latest); 0 for entries read with {@code get}.
   *
   * @return how many messages of the watched range were still pending after this one when it was
   *     delivered (0 for the latest); 0 for entries read with {@code get}
   */
  public long delta() {
    return delta;
  }

  /**
   * Returns what this revision did.
   *
   * @return what this revision did
   */
  public KeyValueOperation operation() {
    return operation;
  }

  /** Returns a description without the value (values may be secret). */
  @Override
  public String toString() {
    return "KeyValueEntry[bucket="
        + bucket
        + ", key="
        + key
        + ", revision="
        + revision
        + ", operation="
        + operation
        + ", delta="
        + delta
        + ", valueLength="
        + value.length
        + "]";
  }
}
