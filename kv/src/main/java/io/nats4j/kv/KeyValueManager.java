package io.nats4j.kv;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.kv.internal.KvNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates, updates, opens, lists and deletes buckets through a {@link JetStream} context (whose
 * domain or API prefix they then use).
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect(url); JetStream js = JetStream.of(nc)) {
 *   KeyValueManager kvm = KeyValueManager.of(js);
 *   KeyValue kv = kvm.create(KeyValueConfig.builder("profiles").history(5).build());
 *   kv.put("alice", "hi".getBytes(UTF_8));
 *   kvm.names().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>Thread-safe: stateless besides the context; every call is a blocking JetStream API request
 * (safe on virtual threads). Bucket names are checked before anything is sent ({@link
 * IllegalArgumentException}).
 */
public final class KeyValueManager {
  private final JetStream js;

  private KeyValueManager(JetStream js) {
    this.js = js;
  }

  /**
   * Returns a manager working through this context.
   *
   * @param js the JetStream context (not closed by the manager)
   * @return the manager
   */
  public static KeyValueManager of(JetStream js) {
    return new KeyValueManager(Objects.requireNonNull(js, "js"));
  }

  /**
   * Creates a bucket. Creating it again with the same configuration returns the existing bucket.
   *
   * @return a handle on the bucket
   * @throws BucketExistsException if it exists with another configuration
   * @throws io.nats4j.jetstream.ApiLevelException if the configuration uses limit markers and the
   *     server is older than 2.11
   * @param config the bucket configuration
   */
  public KeyValue create(KeyValueConfig config) {
    StreamConfig stream = BucketConfigs.toStream(config);
    try {
      return new KeyValue(js, js.streams().create(stream));
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.STREAM_NAME_IN_USE) {
        throw new BucketExistsException(
            "bucket '"
                + config.bucket()
                + "' exists with another configuration: use update or createOrUpdate to change"
                + " it",
            e);
      }
      throw e;
    }
  }

  /**
   * Changes an existing bucket's configuration (what the server allows to change).
   *
   * @return a handle on the bucket
   * @throws BucketNotFoundException if there is no such bucket
   * @param config the bucket configuration
   */
  public KeyValue update(KeyValueConfig config) {
    StreamConfig stream = BucketConfigs.toStream(config);
    try {
      return new KeyValue(js, js.streams().update(stream));
    } catch (JetStreamApiException e) {
      throw notFoundOr(e, config.bucket());
    }
  }

  /**
   * Creates the bucket, or updates it when it exists.
   *
   * @return a handle on the bucket
   * @param config the bucket configuration
   */
  public KeyValue createOrUpdate(KeyValueConfig config) {
    try {
      return update(config);
    } catch (BucketNotFoundException e) {
      try {
        return create(config);
      } catch (BucketExistsException raced) {
        return update(config);
      }
    }
  }

  /**
   * Opens an existing bucket.
   *
   * @return a handle on the bucket
   * @throws BucketNotFoundException if there is no stream {@code KV_<bucket>}
   * @throws NotABucketException if that stream is not a Key/Value bucket
   * @param bucket the bucket name
   */
  public KeyValue open(String bucket) {
    StreamInfo info = info(KvNames.requireBucket(bucket));
    StreamConfig c = info.config();
    if (c.maxMsgsPerSubject() < 1) {
      throw new NotABucketException(
          "stream '"
              + c.name()
              + "' is not a Key/Value bucket: it has no max_msgs_per_subject (the bucket history)");
    }
    if (c.mirror() == null
        && c.sources().isEmpty()
        && !c.subjects().contains(BucketConfigs.subjects(bucket))) {
      throw new NotABucketException(
          "stream '"
              + c.name()
              + "' is not a Key/Value bucket: it does not listen on "
              + BucketConfigs.subjects(bucket));
    }
    return new KeyValue(js, info);
  }

  /**
   * Deletes a bucket and everything in it.
   *
   * @throws BucketNotFoundException if there is no such bucket
   * @param bucket the bucket name
   */
  public void delete(String bucket) {
    try {
      js.streams().delete(BucketConfigs.streamName(KvNames.requireBucket(bucket)));
    } catch (JetStreamApiException e) {
      throw notFoundOr(e, bucket);
    }
  }

  /**
   * Reads a bucket's status.
   *
   * @throws BucketNotFoundException if there is no such bucket
   * @param bucket the bucket name
   * @return the status
   */
  public KeyValueStatus status(String bucket) {
    return new KeyValueStatus(bucket, info(KvNames.requireBucket(bucket)));
  }

  /**
   * Lists the names of the buckets (streams {@code KV_*} listening on {@code $KV.*.>}; like the
   * other clients, mirrors without subjects are not listed).
   *
   * @return the bucket names
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (String stream : js.streams().names("$KV.*.>")) {
      if (stream.startsWith(KvNames.STREAM_PREFIX)) {
        names.add(stream.substring(KvNames.STREAM_PREFIX.length()));
      }
    }
    return names;
  }

  /**
   * Lists the status of every bucket {@link #names()} lists.
   *
   * @return the statuses
   */
  public List<KeyValueStatus> statuses() {
    List<KeyValueStatus> statuses = new ArrayList<>();
    for (StreamInfo info : js.streams().list("$KV.*.>")) {
      String name = info.config().name();
      if (name.startsWith(KvNames.STREAM_PREFIX)) {
        statuses.add(new KeyValueStatus(name.substring(KvNames.STREAM_PREFIX.length()), info));
      }
    }
    return statuses;
  }

  private StreamInfo info(String bucket) {
    try {
      return js.streams().info(BucketConfigs.streamName(bucket));
    } catch (JetStreamApiException e) {
      throw notFoundOr(e, bucket);
    }
  }

  private static RuntimeException notFoundOr(JetStreamApiException e, String bucket) {
    if (e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
      return new BucketNotFoundException("bucket '" + bucket + "' does not exist", e);
    }
    return e;
  }
}
