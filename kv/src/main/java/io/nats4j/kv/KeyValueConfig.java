package io.nats4j.kv;

import io.nats4j.jetstream.Placement;
import io.nats4j.jetstream.Republish;
import io.nats4j.jetstream.StorageType;
import io.nats4j.jetstream.StreamSource;
import io.nats4j.kv.internal.KvNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a bucket. It becomes the stream {@code KV_<bucket>} configured as nats.go
 * and the {@code nats} CLI configure it (ADR-8): subjects {@code $KV.<bucket>.>}, history as {@code
 * max_msgs_per_subject}, discard new, rollups allowed, deletes denied, Direct Get on, and a
 * duplicate window of min(TTL, 2 minutes).
 *
 * <pre>{@code
 * KeyValueConfig config = KeyValueConfig.builder("profiles")
 *     .history(5)
 *     .ttl(Duration.ofDays(30))
 *     .storage(StorageType.MEMORY)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe: immutable; build one with {@link #builder(String)}.
 */
public final class KeyValueConfig {
  /** The most revisions a bucket keeps per key. */
  public static final int MAX_HISTORY = 64;

  private final String bucket;
  private final String description;
  private final int history;
  private final Duration ttl;
  private final int maxValueSize;
  private final long maxBucketBytes;
  private final StorageType storage;
  private final int replicas;
  private final Placement placement;
  private final boolean compression;
  private final Map<String, String> metadata;
  private final Republish republish;
  private final StreamSource mirror;
  private final List<StreamSource> sources;
  private final Duration limitMarkerTtl;

  private KeyValueConfig(Builder b) {
    this.bucket = b.bucket;
    this.description = b.description;
    this.history = b.history;
    this.ttl = b.ttl;
    this.maxValueSize = b.maxValueSize;
    this.maxBucketBytes = b.maxBucketBytes;
    this.storage = b.storage;
    this.replicas = b.replicas;
    this.placement = b.placement;
    this.compression = b.compression;
    this.metadata = Map.copyOf(b.metadata);
    this.republish = b.republish;
    this.mirror = b.mirror;
    this.sources = List.copyOf(b.sources);
    this.limitMarkerTtl = b.limitMarkerTtl;
  }

  /**
   * Starts a builder for the bucket of this name.
   *
   * @param bucket letters, digits, {@code _} and {@code -}
   * @return the builder
   */
  public static Builder builder(String bucket) {
    return new Builder().bucket(bucket);
  }

  /**
   * Returns a builder holding this configuration, to change some of it.
   *
   * @return a builder holding this configuration
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bucket = bucket;
    b.description = description;
    b.history = history;
    b.ttl = ttl;
    b.maxValueSize = maxValueSize;
    b.maxBucketBytes = maxBucketBytes;
    b.storage = storage;
    b.replicas = replicas;
    b.placement = placement;
    b.compression = compression;
    b.metadata.putAll(metadata);
    b.republish = republish;
    b.mirror = mirror;
    b.sources.addAll(sources);
    b.limitMarkerTtl = limitMarkerTtl;
    return b;
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
   * Returns the description, or null.
   *
   * @return the description, or null
   */
  public String description() {
    return description;
  }

  /**
   * Returns how many revisions are kept per key (1 to 64).
   *
   * @return how many revisions are kept per key (1 to 64)
   */
  public int history() {
    return history;
  }

  /**
   * Returns how long a value lives, or null when values never expire.
   *
   * @return how long a value lives, or null when values never expire
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Returns the largest value in bytes, or -1 for no limit.
   *
   * @return the largest value in bytes, or -1 for no limit
   */
  public int maxValueSize() {
    return maxValueSize;
  }

  /**
   * Returns the most bytes the bucket may hold, or -1 for no limit.
   *
   * @return the most bytes the bucket may hold, or -1 for no limit
   */
  public long maxBucketBytes() {
    return maxBucketBytes;
  }

  /**
   * Returns the storage type.
   *
   * @return the storage type
   */
  public StorageType storage() {
    return storage;
  }

  /**
   * Returns the number of replicas.
   *
   * @return the number of replicas
   */
  public int replicas() {
    return replicas;
  }

  /**
   * Returns where the stream is placed, or null.
   *
   * @return where the stream is placed, or null
   */
  public Placement placement() {
    return placement;
  }

  /**
   * Returns true when the stream is compressed with S2.
   *
   * @return true when the stream is compressed with S2
   */
  public boolean compression() {
    return compression;
  }

  /**
   * Returns the bucket's metadata (the server's {@code _nats.*} keys included when read back).
   *
   * @return the bucket's metadata (the server's {@code _nats.*} keys included when read back)
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Returns the republish setting, or null.
   *
   * @return the republish setting, or null
   */
  public Republish republish() {
    return republish;
  }

  /**
   * Returns the bucket this one mirrors, or null.
   *
   * @return the bucket this one mirrors, or null
   */
  public StreamSource mirror() {
    return mirror;
  }

  /**
   * Returns the buckets (or streams) this one sources from; empty if none.
   *
   * @return the buckets (or streams) this one sources from; empty if none
   */
  public List<StreamSource> sources() {
    return sources;
  }

  /**
   * Returns how long limit markers (ADR-48) stay in the bucket, or null when the bucket has none
   * (and no per-key TTL).
   *
   * @return how long limit markers (ADR-48) stay in the bucket, or null when the bucket has none
   *     (and no per-key TTL)
   */
  public Duration limitMarkerTtl() {
    return limitMarkerTtl;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyValueConfig c
        && bucket.equals(c.bucket)
        && Objects.equals(description, c.description)
        && history == c.history
        && Objects.equals(ttl, c.ttl)
        && maxValueSize == c.maxValueSize
        && maxBucketBytes == c.maxBucketBytes
        && storage == c.storage
        && replicas == c.replicas
        && Objects.equals(placement, c.placement)
        && compression == c.compression
        && metadata.equals(c.metadata)
        && Objects.equals(republish, c.republish)
        && Objects.equals(mirror, c.mirror)
        && sources.equals(c.sources)
        && Objects.equals(limitMarkerTtl, c.limitMarkerTtl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, history, ttl, storage, replicas);
  }

  @Override
  public String toString() {
    return "KeyValueConfig[bucket="
        + bucket
        + ", history="
        + history
        + ", ttl="
        + ttl
        + ", maxValueSize="
        + maxValueSize
        + ", maxBucketBytes="
        + maxBucketBytes
        + ", storage="
        + storage
        + ", replicas="
        + replicas
        + ", compression="
        + compression
        + (mirror == null ? "" : ", mirror=" + mirror.name())
        + (sources.isEmpty() ? "" : ", sources=" + sources.size())
        + (limitMarkerTtl == null ? "" : ", limitMarkerTtl=" + limitMarkerTtl)
        + "]";
  }

  /**
   * Builds a {@link KeyValueConfig}; {@link #build()} checks every value and names the field that
   * is wrong.
   *
   * <p>Not thread-safe: confine a builder to one thread.
   */
  public static final class Builder {
    private String bucket;
    private String description;
    private int history = 1;
    private Duration ttl;
    private int maxValueSize = -1;
    private long maxBucketBytes = -1;
    private StorageType storage = StorageType.FILE;
    private int replicas = 1;
    private Placement placement;
    private boolean compression;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private Republish republish;
    private StreamSource mirror;
    private final List<StreamSource> sources = new ArrayList<>();
    private Duration limitMarkerTtl;

    private Builder() {}

    /**
     * Sets the bucket name (letters, digits, {@code _}, {@code -}).
     *
     * @param bucket the bucket name
     * @return this builder
     */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /**
     * Sets a description.
     *
     * @param description the description
     * @return this builder
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets how many revisions to keep per key, 1 (the default) to 64.
     *
     * @param history the history
     * @return this builder
     */
    public Builder history(int history) {
      this.history = history;
      return this;
    }

    /**
     * Sets how long values live (at least 1 ms); null (the default) for ever.
     *
     * @param ttl the ttl
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the largest value in bytes; -1 (the default) for no limit.
     *
     * @param maxValueSize the max value size
     * @return this builder
     */
    public Builder maxValueSize(int maxValueSize) {
      this.maxValueSize = maxValueSize;
      return this;
    }

    /**
     * Sets the most bytes the bucket may hold; -1 (the default) for no limit.
     *
     * @param maxBucketBytes the max bucket bytes
     * @return this builder
     */
    public Builder maxBucketBytes(long maxBucketBytes) {
      this.maxBucketBytes = maxBucketBytes;
      return this;
    }

    /**
     * Sets the storage type; file by default.
     *
     * @param storage the storage
     * @return this builder
     */
    public Builder storage(StorageType storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Sets the number of replicas, 1 (the default) to 5.
     *
     * @param replicas the replicas
     * @return this builder
     */
    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /**
     * Sets where the stream is placed (cluster and/or tags).
     *
     * @param placement the placement
     * @return this builder
     */
    public Builder placement(Placement placement) {
      this.placement = placement;
      return this;
    }

    /**
     * Compresses the stream with S2 (server 2.10+).
     *
     * @param compression the compression
     * @return this builder
     */
    public Builder compression(boolean compression) {
      this.compression = compression;
      return this;
    }

    /**
     * Adds one metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this builder
     */
    public Builder metadata(String key, String value) {
      this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces the metadata.
     *
     * @param metadata the metadata
     * @return this builder
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.clear();
      this.metadata.putAll(metadata);
      return this;
    }

    /**
     * Republishes every stored entry to another subject.
     *
     * @param republish the republish
     * @return this builder
     */
    public Builder republish(Republish republish) {
      this.republish = republish;
      return this;
    }

    /**
     * Makes this bucket a read replica of another one: the source's name may be the bucket name or
     * its stream name ({@code KV_<bucket>}); with {@link io.nats4j.jetstream.ExternalStream} for a
     * bucket in another domain or account. Writes through a handle of a mirror go to the origin.
     *
     * @param mirror the mirror
     * @return this builder
     */
    public Builder mirror(StreamSource mirror) {
      this.mirror = mirror;
      return this;
    }

    /**
     * Adds buckets this one sources from. A source without subject transforms is taken to be a
     * bucket and gets the transform {@code $KV.<source>.>} to {@code $KV.<this bucket>.>} (as
     * nats.go does); one with transforms is used as given (full stream name then).
     *
     * @param sources the sources
     * @return this builder
     */
    public Builder sources(StreamSource... sources) {
      this.sources.addAll(List.of(sources));
      return this;
    }

    /**
     * Turns on limit markers and per-key TTL (ADR-48, server 2.11+, API level 1): the server marks
     * keys removed by TTL or purge, and the markers live this long (at least 1 s). Cannot be turned
     * off again on an existing bucket.
     *
     * @param limitMarkerTtl the limit marker ttl
     * @return this builder
     */
    public Builder limitMarkerTtl(Duration limitMarkerTtl) {
      this.limitMarkerTtl = limitMarkerTtl;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    public KeyValueConfig build() {
      KvNames.requireBucket(bucket);
      if (history < 1 || history > MAX_HISTORY) {
        throw new IllegalArgumentException("history must be 1 to 64, was " + history);
      }
      if (ttl != null && (ttl.isNegative() || ttl.toMillis() < 1)) {
        throw new IllegalArgumentException("ttl must be at least 1 ms (or null), was " + ttl);
      }
      if (maxValueSize < -1 || maxValueSize == 0) {
        throw new IllegalArgumentException(
            "maxValueSize must be -1 or positive, was " + maxValueSize);
      }
      if (maxBucketBytes < -1 || maxBucketBytes == 0) {
        throw new IllegalArgumentException(
            "maxBucketBytes must be -1 or positive, was " + maxBucketBytes);
      }
      if (replicas < 1 || replicas > 5) {
        throw new IllegalArgumentException("replicas must be 1 to 5, was " + replicas);
      }
      if (limitMarkerTtl != null && limitMarkerTtl.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "limitMarkerTtl must be at least 1 second (or null), was " + limitMarkerTtl);
      }
      if (mirror != null && !sources.isEmpty()) {
        throw new IllegalArgumentException("a bucket has either a mirror or sources, not both");
      }
      if (mirror != null && mirror.name() == null) {
        throw new IllegalArgumentException("the mirror needs a name");
      }
      for (StreamSource s : sources) {
        if (s == null || s.name() == null) {
          throw new IllegalArgumentException("every source needs a name");
        }
      }
      return new KeyValueConfig(this);
    }
  }
}
