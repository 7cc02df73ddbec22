package io.nats4j.objectstore;

import io.nats4j.client.Headers;
import java.time.Instant;
import java.util.Map;

/**
 * What the store knows about one object: its meta plus the version's id, size, chunk count and
 * digest, as stored in the meta JSON the other clients read and write.
 *
 * <p>{@link #modified()} is the time the server stored the meta message, as nats.go reports it (the
 * JSON's own {@code mtime} is written as the zero time by nats.go and is ignored). For the info a
 * put returns, it is the client's clock at the end of the put.
 *
 * <p>Thread-safety: immutable.
 */
public final class ObjectInfo {
  private final String name;
  private final String description;
  private final Headers headers;
  private final Map<String, String> metadata;
  private final boolean hasOptions;
  private final ObjectLink link;
  private final int chunkSize;
  private final String bucket;
  private final String nuid;
  private final long size;
  private final Instant modified;
  private final long chunks;
  private final String digest;
  private final boolean deleted;

  ObjectInfo(
      String name,
      String description,
      Headers headers,
      Map<String, String> metadata,
      boolean hasOptions,
      ObjectLink link,
      int chunkSize,
      String bucket,
      String nuid,
      long size,
      Instant modified,
      long chunks,
      String digest,
      boolean deleted) {
    this.name = name;
    this.description = description;
    this.headers = headers;
    this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    this.hasOptions = hasOptions || link != null || chunkSize != 0;
    this.link = link;
    this.chunkSize = chunkSize;
    this.bucket = bucket;
    this.nuid = nuid;
    this.size = size;
    this.modified = modified;
    this.chunks = chunks;
    this.digest = digest;
    this.deleted = deleted;
  }

  /**
   * Returns the object name.
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
   * Returns the object's headers (stored in the meta, not on the chunks).
   *
   * @return read-only headers, null if none
   */
  public Headers headers() {
    return headers;
  }

  /**
   * Returns the object's metadata.
   *
   * @return an unmodifiable map, empty if none
   */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Returns where this object links to.
   *
   * @return the link, null if this is not a link
   */
  public ObjectLink link() {
    return link;
  }

  /**
   * Returns whether this object is a link.
   *
   * @return true if {@link #link()} is not null
   */
  public boolean isLink() {
    return link != null;
  }

  /**
   * Returns the chunk size the object was put with.
   *
   * @return bytes, 0 if not recorded (links)
   */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * Returns the bucket holding this object (or link).
   *
   * @return the bucket
   */
  public String bucket() {
    return bucket;
  }

  /**
   * Returns the id of this version of the object; its chunks are on {@code $O.<bucket>.C.<nuid>}.
   *
   * @return the id
   */
  public String nuid() {
    return nuid;
  }

  /**
   * Returns the object's size.
   *
   * @return bytes (0 for links and deleted objects)
   */
  public long size() {
    return size;
  }

  /**
   * Returns when the meta was stored.
   *
   * @return the time
   */
  public Instant modified() {
    return modified;
  }

  /**
   * Returns the number of chunks.
   *
   * @return the count
   */
  public long chunks() {
    return chunks;
  }

  /**
   * Returns the digest of the content.
   *
   * @return {@code SHA-256=} followed by URL-safe base64 with padding, null for links and deleted
   *     objects
   */
  public String digest() {
    return digest;
  }

  /**
   * Returns whether the object was deleted (its meta stays as a marker).
   *
   * @return true if deleted
   */
  public boolean isDeleted() {
    return deleted;
  }

  boolean hasOptions() {
    return hasOptions;
  }

  ObjectInfo withModified(Instant time) {
    return new ObjectInfo(
        name,
        description,
        headers,
        metadata,
        hasOptions,
        link,
        chunkSize,
        bucket,
        nuid,
        size,
        time,
        chunks,
        digest,
        deleted);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ObjectInfo other)) {
      return false;
    }
    return java.util.Objects.equals(name, other.name)
        && java.util.Objects.equals(description, other.description)
        && java.util.Objects.equals(headers, other.headers)
        && java.util.Objects.equals(metadata, other.metadata)
        && java.util.Objects.equals(hasOptions, other.hasOptions)
        && java.util.Objects.equals(link, other.link)
        && java.util.Objects.equals(chunkSize, other.chunkSize)
        && java.util.Objects.equals(bucket, other.bucket)
        && java.util.Objects.equals(nuid, other.nuid)
        && java.util.Objects.equals(size, other.size)
        && java.util.Objects.equals(modified, other.modified)
        && java.util.Objects.equals(chunks, other.chunks)
        && java.util.Objects.equals(digest, other.digest)
        && java.util.Objects.equals(deleted, other.deleted);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(
        name,
        description,
        headers,
        metadata,
        hasOptions,
        link,
        chunkSize,
        bucket,
        nuid,
        size,
        modified,
        chunks,
        digest,
        deleted);
  }

  @Override
  public String toString() {
    return "ObjectInfo[bucket="
        + bucket
        + ", name="
        + name
        + ", size="
        + size
        + ", chunks="
        + chunks
        + ", digest="
        + digest
        + (link == null ? "" : ", link=" + link)
        + (deleted ? ", deleted" : "")
        + ", modified="
        + modified
        + "]";
  }
}
