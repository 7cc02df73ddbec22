package io.nats4j.objectstore;

/**
 * Where a link points: an object in a bucket, or a whole bucket when {@code name} is null.
 *
 * <p>Thread-safety: immutable.
 *
 * @param bucket the bucket linked to
 * @param name the object linked to, null for a link to the whole bucket
 */
public record ObjectLink(String bucket, String name) {
  /**
   * Returns whether this link points to a whole bucket.
   *
   * @return true if {@code name} is null
   */
  public boolean isBucketLink() {
    return name == null;
  }
}
