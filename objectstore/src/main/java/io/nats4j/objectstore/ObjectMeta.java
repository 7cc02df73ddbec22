package io.nats4j.objectstore;

import io.nats4j.client.Headers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a caller says about an object when putting it or updating its meta: name, description,
 * headers, metadata and, for puts, the chunk size.
 *
 * <pre>{@code
 * ObjectMeta meta = ObjectMeta.builder("reports/2026/q3.pdf")
 *     .description("quarterly report")
 *     .header("Content-Type", "application/pdf")
 *     .chunkSize(256 * 1024)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class ObjectMeta {
  /** The chunk size used when none is set: 128 KiB, as the other clients use. */
  public static final int DEFAULT_CHUNK_SIZE = 128 * 1024;

  private final String name;
  private final String description;
  private final Headers headers;
  private final Map<String, String> metadata;
  private final int chunkSize;

  private ObjectMeta(Builder b) {
    this.name = b.name;
    this.description = b.description;
    this.headers = b.headers == null ? null : copy(b.headers);
    this.metadata = Map.copyOf(b.metadata);
    this.chunkSize = b.chunkSize;
  }

  /**
   * Starts a builder.
   *
   * @param name the object name: any non-empty text (spaces, slashes, dots, non-ASCII allowed)
   * @return the builder
   * @throws IllegalArgumentException if the name is null or empty
   */
  public static Builder builder(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("object name is required");
    }
    return new Builder(name);
  }

  /**
   * Returns meta with just a name.
   *
   * @param name the object name
   * @return the meta
   */
  public static ObjectMeta of(String name) {
    return builder(name).build();
  }

  /**
   * Returns the name.
   *
   * @return the name
   */
  public String name() {
    return name;
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
   * Returns the headers.
   *
   * @return read-only headers, null if none
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the metadata.
   *
   * @return an unmodifiable map, empty if none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Returns the chunk size for puts.
   *
   * @return bytes per chunk, 0 for the default ({@link #DEFAULT_CHUNK_SIZE})
   */
  public int chunkSize() {
    return chunkSize;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ObjectMeta other)) {
      return false;
    }
    return java.util.Objects.equals(name, other.name)
        && java.util.Objects.equals(description, other.description)
        && java.util.Objects.equals(headers, other.headers)
        && java.util.Objects.equals(metadata, other.metadata)
        && java.util.Objects.equals(chunkSize, other.chunkSize);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(name, description, headers, metadata, chunkSize);
  }

  @Override
  public String toString() {
    return "ObjectMeta[name=" + name + ", chunkSize=" + chunkSize + "]";
  }

  /** Returns a read-only copy that no later change to {@code h} reaches. */
  static Headers copy(Headers h) {
    return mutableCopy(h).readOnly();
  }

  private static Headers mutableCopy(Headers h) {
    Headers c = new Headers();
    for (String key : h.keys()) {
      c.add(key, h.get(key).toArray(new String[0]));
    }
    return c;
  }

  /** Builds an {@link ObjectMeta}; not thread-safe. */
  public static final class Builder {
    private String name;
    private String description;
    private Headers headers;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int chunkSize;

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the name.
     *
     * @param name the object name
     * @return this
     */
    public Builder name(String name) {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("object name is required");
      }
      this.name = name;
      return this;
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
     * Adds a header value.
     *
     * @param key the header name
     * @param value the value
     * @return this
     * @throws IllegalArgumentException if the key or value is invalid for a NATS header
     */
    public Builder header(String key, String value) {
      if (headers == null) {
        headers = new Headers();
      }
      headers.add(key, value);
      return this;
    }

    /**
     * Replaces the headers.
     *
     * @param headers the headers (copied), or null for none
     * @return this
     */
    public Builder headers(Headers headers) {
      this.headers = headers == null ? null : mutableCopy(headers);
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
     * Sets the chunk size for a put (ignored by {@code updateMeta}).
     *
     * @param chunkSize bytes per chunk, 1 or more; 0 for the default 128 KiB. It must fit the
     *     server's {@code max_payload}, which the put checks before sending.
     * @return this
     * @throws IllegalArgumentException if negative
     */
    public Builder chunkSize(int chunkSize) {
      if (chunkSize < 0) {
        throw new IllegalArgumentException("chunkSize must not be negative: " + chunkSize);
      }
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Builds the meta.
     *
     * @return the meta
     */
    public ObjectMeta build() {
      return new ObjectMeta(this);
    }
  }
}
