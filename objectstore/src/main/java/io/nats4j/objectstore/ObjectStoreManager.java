package io.nats4j.objectstore;

import io.nats4j.jetstream.Compression;
import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.objectstore.internal.ObjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Creates, opens, updates, lists and deletes Object Store buckets on a JetStream context.
 *
 * <pre>{@code
 * ObjectStoreManager manager = ObjectStoreManager.of(js);
 * ObjectStore files = manager.create(ObjectStoreConfig.builder("files").build());
 * List<String> buckets = manager.names();
 * }</pre>
 *
 * <p>Bucket names are checked (letters, digits, {@code _}, {@code -}) before anything is sent.
 *
 * <p>Thread-safety: safe from any thread; it holds no state besides the context.
 */
public final class ObjectStoreManager {
  private final JetStream js;

  private ObjectStoreManager(JetStream js) {
    this.js = js;
  }

  /**
   * Returns a manager on a JetStream context (its prefix/domain and timeouts apply).
   *
   * @param js the context
   * @return the manager
   */
  public static ObjectStoreManager of(JetStream js) {
    return new ObjectStoreManager(Objects.requireNonNull(js, "js"));
  }

  /**
   * Creates a bucket. Creating one that exists with the same configuration returns it.
   *
   * @param config the configuration
   * @return the bucket
   * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NAME_IN_USE} if it exists
   *     with another configuration
   */
  public ObjectStore create(ObjectStoreConfig config) {
    StreamInfo info = js.streams().create(streamConfig(config));
    return new ObjectStore(js, config.bucket(), info);
  }

  /**
   * Updates a bucket's configuration.
   *
   * @param config the new configuration
   * @return the bucket
   * @throws BucketNotFoundException if it does not exist
   * @throws JetStreamApiException if the server refuses the change (e.g. storage type)
   */
  public ObjectStore update(ObjectStoreConfig config) {
    StreamInfo info;
    try {
      info = js.streams().update(streamConfig(config));
    } catch (RuntimeException e) {
      throw Errors.map(config.bucket(), "update", e);
    }
    return new ObjectStore(js, config.bucket(), info);
  }

  /**
   * Creates a bucket, or updates it if it exists.
   *
   * @param config the configuration
   * @return the bucket
   */
  public ObjectStore createOrUpdate(ObjectStoreConfig config) {
    try {
      return update(config);
    } catch (BucketNotFoundException e) {
      return create(config);
    }
  }

  /**
   * Opens an existing bucket (one request checks that it exists).
   *
   * @param bucket the bucket name
   * @return the bucket
   * @throws IllegalArgumentException if the name is invalid (nothing sent)
   * @throws BucketNotFoundException if it does not exist
   */
  public ObjectStore open(String bucket) {
    ObjectNames.requireValidBucket(bucket);
    StreamInfo info;
    try {
      info = js.streams().info(ObjectNames.stream(bucket));
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "open", e);
    }
    return new ObjectStore(js, bucket, info);
  }

  /**
   * Deletes a bucket and all its objects.
   *
   * @param bucket the bucket name
   * @return true if deleted
   * @throws IllegalArgumentException if the name is invalid (nothing sent)
   * @throws BucketNotFoundException if it does not exist
   */
  public boolean delete(String bucket) {
    ObjectNames.requireValidBucket(bucket);
    try {
      return js.streams().delete(ObjectNames.stream(bucket));
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "delete", e);
    }
  }

  /**
   * Returns the names of all buckets.
   *
   * @return bucket names (without the {@code OBJ_} prefix)
   */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (String stream : js.streams().names("$O.*.M.>")) {
      if (stream.startsWith("OBJ_")) {
        names.add(stream.substring(4));
      }
    }
    return names;
  }

  /**
   * Returns the status of all buckets.
   *
   * @return one status per bucket
   */
  public List<ObjectStoreStatus> statuses() {
    List<ObjectStoreStatus> statuses = new ArrayList<>();
    for (StreamInfo info : js.streams().list("$O.*.M.>")) {
      String name = info.config().name();
      if (name.startsWith("OBJ_")) {
        statuses.add(new ObjectStoreStatus(name.substring(4), info));
      }
    }
    return statuses;
  }

  static StreamConfig streamConfig(ObjectStoreConfig c) {
    String bucket = c.bucket();
    StreamConfig.Builder b =
        StreamConfig.builder(ObjectNames.stream(bucket))
            .subjects(ObjectNames.allChunks(bucket), ObjectNames.allMeta(bucket))
            .maxBytes(c.maxBytes())
            .storage(c.storage())
            .numReplicas(c.replicas())
            .discard(DiscardPolicy.NEW)
            .allowRollupHdrs(true)
            .allowDirect(true);
    if (c.description() != null) {
      b.description(c.description());
    }
    if (c.ttl() != null) {
      b.maxAge(c.ttl());
    }
    if (c.placement() != null) {
      b.placement(c.placement());
    }
    if (c.compression()) {
      b.compression(Compression.S2);
    }
    if (!c.metadata().isEmpty()) {
      b.metadata(c.metadata());
    }
    return b.build();
  }
}
