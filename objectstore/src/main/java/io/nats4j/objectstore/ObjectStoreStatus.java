package io.nats4j.objectstore;

import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamInfo;
import java.time.Duration;
import java.util.Map;

/**
 * The state of a bucket, read from its backing stream.
 *
 * <p>Thread-safety: immutable.
 */
public final class ObjectStoreStatus {
  private final String bucket;
  private final StreamInfo info;

  ObjectStoreStatus(String bucket, StreamInfo info) {
    this.bucket = bucket;
    this.info = info;
  }

  /**
   * Returns the bucket name.
   *
   * @return the name
   */
  public String bucket() {
    return bucket;
  }

  /**
   * Returns the description.
   *
   * @return the description, null if none
   */
  public String description() {
    return info.config().description();
  }

  /**
   * Returns how long objects are kept.
   *
   * @return the TTL, {@link Duration#ZERO} for forever
   */
  public Duration ttl() {
    Duration d = info.config().maxAge();
    return d == null ? Duration.ZERO : d;
  }

  /**
   * Returns the storage type.
   *
   * @return file or memory
   */
  public StorageType storage() {
    return info.config().storage();
  }

  /**
   * Returns the replica count.
   *
   * @return the replicas
   */
  public int replicas() {
    return info.config().numReplicas();
  }

  /**
   * Returns whether the bucket is sealed (read-only for good).
   *
   * @return true if sealed
   */
  public boolean isSealed() {
    return info.config().sealed();
  }

  /**
   * Returns whether the stream is stored compressed.
   *
   * @return true with S2 compression
   */
  public boolean isCompressed() {
    return info.config().compression() == Compression.S2;
  }

  /**
   * Returns the bytes stored, chunks and metas together.
   *
   * @return bytes
   */
  public long size() {
    return info.state().bytes();
  }

  /**
   * Returns the size limit.
   *
   * @return bytes, -1 for unlimited
   */
  public long maxBytes() {
    return info.config().maxBytes();
  }

  /**
   * Returns the bucket metadata, including the {@code _nats.*} entries the server adds.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> metadata() {
    return info.config().metadata();
  }

  /**
   * Returns what stores the bucket.
   *
   * @return {@code "JetStream"}
   */
  public String backingStore() {
    return "JetStream";
  }

  /**
   * Returns the backing stream's info.
   *
   * @return the stream info
   */
  public StreamInfo streamInfo() {
    return info;
  }

  @Override
  public String toString() {
    return "ObjectStoreStatus[bucket="
        + bucket
        + ", size="
        + size()
        + ", sealed="
        + isSealed()
        + ", storage="
        + storage()
        + ", replicas="
        + replicas()
        + "]";
  }
}
