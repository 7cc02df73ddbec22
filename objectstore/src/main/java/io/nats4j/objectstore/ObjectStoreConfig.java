package io.nats4j.objectstore;

import io.nats4j.jetstream.Placement;
import io.nats4j.jetstream.StorageType;
import io.nats4j.objectstore.internal.ObjectNames;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of an Object Store bucket, turned into the backing stream {@code OBJ_<bucket>}
 * exactly as nats.go does (subjects {@code $O.<bucket>.C.>} and {@code $O.<bucket>.M.>}, discard
 * new, rollup and Direct Get allowed, unlimited bytes unless set, one replica unless set).
 *
 * <pre>{@code
 * ObjectStoreConfig config = ObjectStoreConfig.builder("files")
 *     .description("uploaded files")
 *     .storage(StorageType.FILE)
 *     .ttl(Duration.ofDays(30))
 *     .compression(true)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class ObjectStoreConfig {
  private final String bucket;
  private final String description;
  private final Duration ttl;
  private final long maxBytes;
  private final StorageType storage;
  private final int replicas;
  private final Placement placement;
  private final boolean compression;
  private final Map<String, String> metadata;

  private ObjectStoreConfig(Builder b) {
    this.bucket = b.bucket;
    this.description = b.description;
    this.ttl = b.ttl;
    this.maxBytes = b.maxBytes;
    this.storage = b.storage;
    this.replicas = b.replicas;
    this.placement = b.placement;
    this.compression = b.compression;
    this.metadata = Map.copyOf(b.metadata);
  }

  /**
   * Starts a builder.
   *
   * @param bucket the bucket name: letters, digits, {@code _} and {@code -}
   * @return the builder
   * @throws IllegalArgumentException if the name is invalid
   */
  public static Builder builder(String bucket) {
    return new Builder(ObjectNames.requireValidBucket(bucket));
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
    return description;
  }

  /**
   * Returns how long objects are kept.
   *
   * @return the TTL, null or zero for forever
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Returns the size limit of the bucket.
   *
   * @return the most bytes, -1 for unlimited
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the storage type.
   *
   * @return file or memory
   */
  public StorageType storage() {
    return storage;
  }

  /**
   * Returns the replica count.
   *
   * @return 1, 3 or 5
   */
  public int replicas() {
    return replicas;
  }

  /**
   * Returns the placement.
   *
   * @return the placement, null for any
   */
  public Placement placement() {
    return placement;
  }

  /**
   * Returns whether the stream is stored with S2 compression.
   *
   * @return true if compressed
   */
  public boolean compression() {
    return compression;
  }

  /**
   * Returns the bucket metadata.
   *
   * @return an unmodifiable map, empty if none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ObjectStoreConfig other)) {
      return false;
    }
    return java.util.Objects.equals(bucket, other.bucket)
        && java.util.Objects.equals(description, other.description)
        && java.util.Objects.equals(ttl, other.ttl)
        && java.util.Objects.equals(maxBytes, other.maxBytes)
        && java.util.Objects.equals(storage, other.storage)
        && java.util.Objects.equals(replicas, other.replicas)
        && java.util.Objects.equals(placement, other.placement)
        && java.util.Objects.equals(compression, other.compression)
        && java.util.Objects.equals(metadata, other.metadata);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        bucket, description, ttl, maxBytes, storage, replicas, placement, compression, metadata);
  }

  @Override
  public String toString() {
    return "ObjectStoreConfig[bucket="
        + bucket
        + ", storage="
        + storage
        + ", replicas="
        + replicas
        + ", ttl="
        + ttl
        + ", maxBytes="
        + maxBytes
        + ", compression="
        + compression
        + "]";
  }

  /** Builds an {@link ObjectStoreConfig}; not thread-safe. */
  public static final class Builder {
    private final String bucket;
    private String description;
    private Duration ttl;
    private long maxBytes = -1;
    private StorageType storage = StorageType.FILE;
    private int replicas = 1;
    private Placement placement;
    private boolean compression;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String bucket) {
      this.bucket = bucket;
    }

    /**
     * Sets the description.
     *
     * @param description free text, or null
     * @return this
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets how long objects are kept (the stream's {@code max_age}).
     *
     * @param ttl the TTL, null or zero for forever
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder ttl(Duration ttl) {
      if (ttl != null && ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must not be negative: " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the size limit of the bucket.
     *
     * @param maxBytes the most bytes, -1 (or 0) for unlimited
     * @return this
     * @throws IllegalArgumentException if below -1
     */
    public Builder maxBytes(long maxBytes) {
      if (maxBytes < -1) {
        throw new IllegalArgumentException("maxBytes must be -1 (unlimited) or more: " + maxBytes);
      }
      this.maxBytes = maxBytes == 0 ? -1 : maxBytes;
      return this;
    }

    /**
     * Sets the storage type (default file).
     *
     * @param storage file or memory
     * @return this
     */
    public Builder storage(StorageType storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Sets the replica count (default 1).
     *
     * @param replicas 1 to 5
     * @return this
     * @throws IllegalArgumentException if out of range
     */
    public Builder replicas(int replicas) {
      if (replicas < 1 || replicas > 5) {
        throw new IllegalArgumentException("replicas must be 1 to 5: " + replicas);
      }
      this.replicas = replicas;
      return this;
    }

    /**
     * Sets the placement.
     *
     * @param placement cluster and tags, or null
     * @return this
     */
    public Builder placement(Placement placement) {
      this.placement = placement;
      return this;
    }

    /**
     * Turns S2 compression of the stream on or off (ADR-20 rev 3).
     *
     * @param compression true to compress
     * @return this
     */
    public Builder compression(boolean compression) {
      this.compression = compression;
      return this;
    }

    /**
     * Adds a metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Replaces the metadata.
     *
     * @param metadata the entries
     * @return this
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata.clear();
      this.metadata.putAll(metadata);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     */
    public ObjectStoreConfig build() {
      return new ObjectStoreConfig(this);
    }
  }
}
