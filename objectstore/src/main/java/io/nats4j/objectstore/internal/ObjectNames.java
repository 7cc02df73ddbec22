package io.nats4j.objectstore.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bucket and object name rules and the subjects they map to, as nats.go has them (ADR-20): stream
 * {@code OBJ_<bucket>}, chunks on {@code $O.<bucket>.C.<nuid>}, meta on {@code
 * $O.<bucket>.M.<name>} with the name's UTF-8 bytes in URL-safe base64 <em>with</em> padding.
 *
 * <p>Thread-safety: stateless.
 */
public final class ObjectNames {
  /**
   * The longest meta subject we accept: the subject must fit a 4,096-byte protocol line together
   * with the reply inbox and the sizes.
   */
  static final int MAX_META_SUBJECT = 3_800;

  private ObjectNames() {}

  /**
   * Checks a bucket name: 1 to 251 letters, digits, {@code _} or {@code -} (so that {@code OBJ_}
   * plus the name is a valid stream name).
   *
   * @param bucket the name
   * @return the name
   * @throws IllegalArgumentException naming the problem
   */
  public static String requireValidBucket(String bucket) {
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("bucket name is required");
    }
    if (bucket.length() > 251) {
      throw new IllegalArgumentException(
          "bucket name is longer than 251 characters (the stream OBJ_<bucket> allows 255)");
    }
    for (int i = 0; i < bucket.length(); i++) {
      char c = bucket.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        throw new IllegalArgumentException(
            "bucket name '"
                + bucket
                + "' contains '"
                + c
                + "' at index "
                + i
                + "; bucket names may only contain letters, digits, '_' and '-'");
      }
    }
    return bucket;
  }

  /**
   * Checks an object name: not empty, well-formed Unicode (no lone surrogate, which has no UTF-8
   * form), and short enough for its meta subject.
   *
   * @param bucket the bucket, already valid
   * @param name the object name
   * @return the name
   * @throws IllegalArgumentException naming the problem
   */
  public static String requireValidName(String bucket, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("object name is required");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "object name has a lone surrogate at index " + i + "; it has no UTF-8 form");
      }
    }
    if (metaSubject(bucket, name).length() > MAX_META_SUBJECT) {
      throw new IllegalArgumentException(
          "object name is too long: its meta subject would exceed "
              + MAX_META_SUBJECT
              + " characters (about "
              + (MAX_META_SUBJECT * 3 / 4 - bucket.length())
              + " UTF-8 bytes of name)");
    }
    return name;
  }

  /**
   * Encodes a name as nats.go does for the meta subject.
   *
   * @param name the object name
   * @return URL-safe base64 with padding of its UTF-8 bytes
   */
  public static String encode(String name) {
    return Base64.getUrlEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the stream of a bucket.
   *
   * @param bucket the bucket
   * @return {@code OBJ_<bucket>}
   */
  public static String stream(String bucket) {
    return "OBJ_" + bucket;
  }

  /**
   * Returns the subject of an object's chunks.
   *
   * @param bucket the bucket
   * @param nuid the object version's id
   * @return {@code $O.<bucket>.C.<nuid>}
   */
  public static String chunkSubject(String bucket, String nuid) {
    return "$O." + bucket + ".C." + nuid;
  }

  /**
   * Returns the subject of an object's meta.
   *
   * @param bucket the bucket
   * @param name the object name
   * @return {@code $O.<bucket>.M.<encoded name>}
   */
  public static String metaSubject(String bucket, String name) {
    return "$O." + bucket + ".M." + encode(name);
  }

  /**
   * Returns the wildcard for all chunks of a bucket.
   *
   * @param bucket the bucket
   * @return {@code $O.<bucket>.C.>}
   */
  public static String allChunks(String bucket) {
    return "$O." + bucket + ".C.>";
  }

  /**
   * Returns the wildcard for all metas of a bucket.
   *
   * @param bucket the bucket
   * @return {@code $O.<bucket>.M.>}
   */
  public static String allMeta(String bucket) {
    return "$O." + bucket + ".M.>";
  }
}
