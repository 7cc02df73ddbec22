package io.nats4j.kv;

import io.nats4j.jetstream.StreamInfo;
import java.time.Duration;
import java.util.Map;

/**
 * The state and configuration of a bucket, read from its stream's info.
 *
 * <p>Thread-safe: immutable; a snapshot taken when it was read.
 */
public final class KeyValueStatus {
  private final String bucket;
  private final StreamInfo info;
  private final KeyValueConfig config;

  KeyValueStatus(String bucket, StreamInfo info) {
    this.bucket = bucket;
    this.info = info;
    this.config = BucketConfigs.fromStream(bucket, info.config());
  }

  /**
   * Returns the bucket name.
   *
   * @return the bucket name
   */
  public String bucket() {
    return bucket;
  }

  /**
   * Returns how many messages the bucket holds, older revisions and markers included.
   *
   * @return how many messages the bucket holds, older revisions and markers included
   */
  public long values() {
    return info.state().messages();
  }

  /**
   * Returns the bucket's size in bytes.
   *
   * @return the bucket's size in bytes
   */
  public long bytes() {
    return info.state().bytes();
  }

  /**
   * Returns how many revisions are kept per key.
   *
   * @return how many revisions are kept per key
   */
  public long history() {
    return info.config().maxMsgsPerSubject();
  }

  /**
   * Returns how long values live, or null for ever.
   *
   * @return how long values live, or null for ever
   */
  public Duration ttl() {
    return info.config().maxAge();
  }

  /**
   * Returns how long limit markers live, or null when the bucket has none.
   *
   * @return how long limit markers live, or null when the bucket has none
   */
  public Duration limitMarkerTtl() {
    return info.config().subjectDeleteMarkerTtl();
  }

  /**
   * Returns true when the stream is compressed.
   *
   * @return true when the stream is compressed
   */
  public boolean isCompressed() {
    return config.compression();
  }

  /**
   * Returns the bucket's metadata.
   *
   * @return the bucket's metadata
   */
  public Map<String, String> metadata() {
    return info.config().metadata();
  }

  /**
   * Returns {@code "JetStream"}, the kind of storage behind the bucket (ADR-8).
   *
   * @return {@code "JetStream"}, the kind of storage behind the bucket (ADR-8)
   */
  public String backingStore() {
    return "JetStream";
  }

  /**
   * Returns the bucket configuration read back from the stream.
   *
   * @return the bucket configuration read back from the stream
   */
  public KeyValueConfig config() {
    return config;
  }

  /**
   * Returns the backing stream's info, for everything else.
   *
   * @return the backing stream's info, for everything else
   */
  public StreamInfo streamInfo() {
    return info;
  }

  @Override
  public String toString() {
    return "KeyValueStatus[bucket=" + bucket + ", values=" + values() + ", bytes=" + bytes() + "]";
  }
}
