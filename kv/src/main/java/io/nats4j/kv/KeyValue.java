package io.nats4j.kv;

import io.nats4j.jetstream.DirectBatch;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.kv.internal.KvNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A handle on one bucket: read, write, delete and purge keys. Get one from {@link
 * KeyValueManager#open(String)} or {@link KeyValueManager#create(KeyValueConfig)}.
 *
 * <pre>{@code
 * KeyValue kv = KeyValueManager.of(js).open("profiles");
 * long rev = kv.put("alice.email", "alice@example.com".getBytes(UTF_8));
 * kv.update("alice.email", "a@example.com".getBytes(UTF_8), rev);   // compare-and-set
 * kv.get("alice.email").ifPresent(e -> System.out.println(e.valueAsString()));
 * }</pre>
 *
 * <p>Thread-safe: one handle may be shared by any number of threads; every call is a blocking
 * request (safe on virtual threads) on the {@link JetStream} context's connection. The handle holds
 * no resources: there is nothing to close.
 *
 * <p>Wire layout (the same as nats.go, nats.js and the {@code nats} CLI): key {@code k} of bucket
 * {@code b} is the subject {@code $KV.b.k} of stream {@code KV_b}; its revision is the stream
 * sequence; deletes and purges are messages with the header {@code KV-Operation: DEL} or {@code
 * PURGE} (the purge with {@code Nats-Rollup: sub}); reads use Direct Get when the stream allows it.
 *
 * <p>Keys are checked before anything is sent: letters, digits and {@code - / _ = .}, not starting
 * or ending with {@code .}, no empty token; a bad key is an {@link IllegalArgumentException}.
 */
public final class KeyValue {
  private static final byte[] EMPTY = new byte[0];
  private static final int MULTI_LAST_CHUNK = 1000;

  private final JetStream js;
  private final StreamInfo info;
  private final String bucket;
  private final String streamName;
  private final String readPrefix;
  private final String writePrefix;
  private final boolean allowDirect;
  private final KeyCodec codec;
  private final Writes writes;

  KeyValue(JetStream js, StreamInfo info) {
    this(js, info, KeyCodec.identity());
  }

  private KeyValue(JetStream js, StreamInfo info, KeyCodec codec) {
    this.js = js;
    this.info = info;
    this.codec = codec;
    StreamConfig config = info.config();
    this.streamName = config.name();
    this.bucket = streamName.substring(KvNames.STREAM_PREFIX.length());
    String[] prefixes = BucketConfigs.prefixes(bucket, config, js.options().apiPrefix());
    this.readPrefix = prefixes[0];
    this.writePrefix = prefixes[1];
    this.allowDirect = config.allowDirect();
    this.writes = new Writes(this);
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
   * Returns a handle on the same bucket that translates keys with {@code codec}: keys given to it
   * are encoded before they are checked and sent, keys it returns (entries, {@code keys()}) are
   * decoded, and watch filters are encoded token by token around their wildcards.
   *
   * @param codec the key codec
   * @return the translating handle (this one is unchanged)
   */
  public KeyValue withKeyCodec(KeyCodec codec) {
    return new KeyValue(js, info, java.util.Objects.requireNonNull(codec, "codec"));
  }

  /** The stored (encoded, checked) form of an application key. */
  String storedKey(String key) {
    return KvNames.requireKey(KeyCodec.Codecs.encodeKey(codec, key));
  }

  /** The stored form of a watch filter. */
  String storedFilter(String filter) {
    return KvNames.requireFilter(KeyCodec.Codecs.encodeFilter(codec, filter));
  }

  /** The application form of a stored key. */
  String appKey(String stored) {
    return KeyCodec.Codecs.decodeKey(codec, stored);
  }

  /**
   * Returns the latest value of a key; empty when the key was never written, or was deleted or
   * purged (the delete marker is never returned as a value).
   *
   * @throws IllegalArgumentException if the key is not valid
   * @throws KeyValueException if the bucket does not answer (deleted, or JetStream unavailable)
   * @param key the key
   * @return the entry, or empty
   */
  public Optional<KeyValueEntry> get(String key) {
    KeyValueEntry e = latest(storedKey(key));
    return e == null || e.operation() != KeyValueOperation.PUT ? Optional.empty() : Optional.of(e);
  }

  /**
   * Returns one revision of a key; empty when that revision is not a value of this key (another
   * key's, gone, or a delete/purge marker).
   *
   * @param revision at least 1
   * @throws IllegalArgumentException if the key is not valid or the revision below 1
   * @param key the key
   * @return the entry, or empty
   */
  public Optional<KeyValueEntry> get(String key, long revision) {
    String stored = storedKey(key);
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1, was " + revision);
    }
    StoredMessage m;
    try {
      m = js.streams().getMessage(info, revision);
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    if (!(readPrefix + stored).equals(m.subject())) {
      return Optional.empty();
    }
    KeyValueEntry e = Entries.fromStored(bucket, key, m);
    return e.operation() == KeyValueOperation.PUT ? Optional.of(e) : Optional.empty();
  }

  /**
   * Returns the latest values of several keys at once, in the order asked, leaving out keys that
   * have no value. On servers with API level 1 or more (2.11+) and a bucket that allows Direct Get,
   * this is one Direct Get {@code multi_last} request per 1,000 keys; otherwise one get per key.
   *
   * @throws IllegalArgumentException if a key is not valid (nothing is sent then)
   * @param keys the keys
   * @return the entries found, by key, in the order asked
   */
  public Map<String, KeyValueEntry> getAll(Collection<String> keys) {
    Map<String, String> unique = new LinkedHashMap<>(); // stored key -> application key
    for (String k : keys) {
      unique.put(storedKey(k), k);
    }
    Map<String, KeyValueEntry> found = new LinkedHashMap<>();
    if (unique.isEmpty()) {
      return found;
    }
    Map<String, KeyValueEntry> byKey = new java.util.HashMap<>();
    if (!allowDirect || js.apiLevel() < 1) {
      for (String k : unique.keySet()) {
        KeyValueEntry e = latest(k);
        if (e != null) {
          byKey.put(k, e);
        }
      }
    } else {
      List<String> subjects = new ArrayList<>(Math.min(unique.size(), MULTI_LAST_CHUNK));
      for (String k : unique.keySet()) {
        subjects.add(readPrefix + k);
        if (subjects.size() == MULTI_LAST_CHUNK) {
          collect(js.streams().directGetLastForSubjects(streamName, subjects), byKey);
          subjects.clear();
        }
      }
      if (!subjects.isEmpty()) {
        collect(js.streams().directGetLastForSubjects(streamName, subjects), byKey);
      }
    }
    for (Map.Entry<String, String> k : unique.entrySet()) {
      KeyValueEntry e = byKey.get(k.getKey());
      if (e != null && e.operation() == KeyValueOperation.PUT) {
        found.put(k.getValue(), e);
      }
    }
    return found;
  }

  /**
   * Same as {@link #getAll(Collection)}.
   *
   * @param keys the keys
   * @return the entries found, by key, in the order asked
   */
  public Map<String, KeyValueEntry> getAll(String... keys) {
    return getAll(List.of(keys));
  }

  private void collect(DirectBatch batch, Map<String, KeyValueEntry> into) {
    for (StoredMessage m : batch.messages()) {
      if (m.subject() != null && m.subject().startsWith(readPrefix)) {
        String k = m.subject().substring(readPrefix.length());
        into.put(k, Entries.fromStored(bucket, appKey(k), m));
      }
    }
  }

  /**
   * Stores a value under a key.
   *
   * @return the new revision
   * @throws IllegalArgumentException if the key is not valid
   * @throws io.nats4j.jetstream.JetStreamApiException if the server refused it (value too large,
   *     bucket full)
   * @param key the key
   * @param value the value
   */
  public long put(String key, byte[] value) {
    return writes.publish(storedKey(key), null, value, PublishOptions.NONE);
  }

  /**
   * Stores a string (as UTF-8) under a key; see {@link #put(String, byte[])}.
   *
   * @param key the key
   * @param value the value
   * @return the new revision
   */
  public long put(String key, String value) {
    return put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stores a value only if the key has none (never written, deleted or purged).
   *
   * @return the new revision
   * @throws KeyExistsException if the key holds a value
   * @throws IllegalArgumentException if the key is not valid
   * @param key the key
   * @param value the value
   */
  public long create(String key, byte[] value) {
    return create(key, value, null);
  }

  /**
   * Stores a value only if the key has none, and lets it expire after {@code ttl} (per-key TTL,
   * ADR-48: the bucket needs {@link KeyValueConfig.Builder#limitMarkerTtl(Duration)}).
   *
   * @param ttl at least 1 second, or null for the bucket's TTL
   * @return the new revision
   * @throws KeyExistsException if the key holds a value
   * @throws KeyValueException if the bucket does not allow per-key TTL
   * @throws io.nats4j.jetstream.ApiLevelException if the server is older than 2.11
   * @param key the key
   * @param value the value
   */
  public long create(String key, byte[] value, Duration ttl) {
    return writes.create(key, value, ttl);
  }

  /**
   * Stores a value only if the key's latest revision is {@code expectedRevision} (compare-and-set).
   *
   * @param expectedRevision the revision read before, at least 1 (use {@link #create} for absent
   *     keys)
   * @return the new revision
   * @throws KeyValueConflictException if another revision came first
   * @throws IllegalArgumentException if the key is not valid or the revision below 1
   * @param key the key
   * @param value the value
   */
  public long update(String key, byte[] value, long expectedRevision) {
    String stored = storedKey(key);
    Writes.requireRevision(expectedRevision);
    try {
      return writes.publish(stored, null, value, Writes.expect(expectedRevision, null));
    } catch (JetStreamApiException e) {
      throw writes.conflictOr(e, key, expectedRevision);
    }
  }

  /**
   * Same as {@link #update(String, byte[], long)} with a UTF-8 string.
   *
   * @param key the key
   * @param value the value
   * @param expectedRevision the revision the key must be at
   * @return the new revision
   */
  public long update(String key, String value, long expectedRevision) {
    return update(key, value.getBytes(StandardCharsets.UTF_8), expectedRevision);
  }

  /**
   * Deletes a key, keeping its history: stores a {@code KV-Operation: DEL} marker.
   *
   * @throws IllegalArgumentException if the key is not valid
   * @param key the key
   */
  public void delete(String key) {
    writes.marker(key, Entries.DEL, 0, null);
  }

  /**
   * Deletes a key only if its latest revision is {@code expectedRevision}.
   *
   * @throws KeyValueConflictException if another revision came first
   * @param key the key
   * @param expectedRevision the revision the key must be at
   */
  public void delete(String key, long expectedRevision) {
    Writes.requireRevision(expectedRevision);
    writes.marker(key, Entries.DEL, expectedRevision, null);
  }

  /**
   * Purges a key: stores a {@code KV-Operation: PURGE} marker that rolls up (removes) every earlier
   * revision.
   *
   * @throws IllegalArgumentException if the key is not valid
   * @param key the key
   */
  public void purge(String key) {
    writes.marker(key, Entries.PURGE, 0, null);
  }

  /**
   * Purges a key only if its latest revision is {@code expectedRevision}.
   *
   * @throws KeyValueConflictException if another revision came first
   * @param key the key
   * @param expectedRevision the revision the key must be at
   */
  public void purge(String key, long expectedRevision) {
    Writes.requireRevision(expectedRevision);
    writes.marker(key, Entries.PURGE, expectedRevision, null);
  }

  /**
   * Purges a key and lets the purge marker itself expire after {@code markerTtl} (ADR-48; the
   * bucket needs limit markers).
   *
   * @param expectedRevision the latest revision expected, or 0 for no expectation
   * @param markerTtl at least 1 second
   * @throws KeyValueConflictException if another revision came first
   * @param key the key
   */
  public void purge(String key, long expectedRevision, Duration markerTtl) {
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must not be negative");
    }
    Objects.requireNonNull(markerTtl, "markerTtl");
    Writes.checkTtl("markerTtl", markerTtl);
    writes.marker(key, Entries.PURGE, expectedRevision, markerTtl);
  }

  /**
   * Watches keys with a listener: the latest revision of every matching key, then {@link
   * KeyValueWatchListener#endOfInitialData()} exactly once (at once when nothing matches), then
   * every change, in revision order. Built on the ordered consumer, it survives reconnects and
   * server restarts without gaps or repeats.
   *
   * @param filters keys or wildcard filters ({@code orders.*}, {@code orders.>}); none for all keys
   * @return the running watch; close it to stop
   * @throws IllegalArgumentException if a filter is not valid
   * @param options the watch options
   * @param listener receives the entries and the end of the initial data
   */
  public KeyValueWatch watch(
      List<String> filters, KeyValueWatchOptions options, KeyValueWatchListener listener) {
    Objects.requireNonNull(listener, "listener");
    return new Watches.ListenerWatch(
        this, List.copyOf(filters), Objects.requireNonNull(options, "options"), listener);
  }

  /**
   * Watches one key or filter with the default options; see {@link #watch(List,
   * KeyValueWatchOptions, KeyValueWatchListener)}.
   *
   * @param filter a key or wildcard filter
   * @param listener receives the entries and the end of the initial data
   * @return the running watch; close it to stop
   */
  public KeyValueWatch watch(String filter, KeyValueWatchListener listener) {
    return watch(List.of(filter), KeyValueWatchOptions.defaults(), listener);
  }

  /**
   * Watches keys at the caller's pace (a blocking iterator); see {@link KeyValueWatcher}.
   *
   * @param filters keys or wildcard filters; none for all keys
   * @throws IllegalArgumentException if a filter is not valid
   * @param options the watch options
   * @return the watcher; close it to stop
   */
  public KeyValueWatcher watcher(List<String> filters, KeyValueWatchOptions options) {
    return new Watches.IteratorWatcher(
        this, List.copyOf(filters), Objects.requireNonNull(options, "options"));
  }

  /**
   * Streams the keys that hold a value, read lazily from a headers-only watcher (a bucket of a
   * million keys is never held in memory unless the caller collects it). Close the stream (or read
   * it to the end) to stop the watcher: use try-with-resources.
   *
   * @param filters key filters; none for all keys
   * @throws KeyValueException (while reading) if the server stops answering
   * @return the keys, read as the stream is consumed
   */
  public java.util.stream.Stream<String> keys(String... filters) {
    return Listings.keys(this, List.of(filters), js.options().requestTimeout());
  }

  /**
   * Returns every kept revision of a key, oldest first, deletes and purges included; empty if the
   * key has none.
   *
   * @param key the key
   * @return the entries, oldest first
   */
  public List<KeyValueEntry> history(String key) {
    storedKey(key); // a key, not a filter: checked before anything is sent
    return Listings.history(this, key, js.options().requestTimeout());
  }

  /**
   * Removes delete and purge markers: a marker older than {@code olderThan} is removed with the
   * key's remaining history; a younger one is kept as its key's only message ({@link Duration#ZERO}
   * removes them all). nats.go uses 30 minutes when not told.
   *
   * @return how many messages were removed
   * @param olderThan markers younger than this are kept
   */
  public long purgeDeletes(Duration olderThan) {
    if (olderThan.isNegative()) {
      throw new IllegalArgumentException("olderThan must not be negative");
    }
    return Listings.purgeDeletes(this, olderThan, js.options().requestTimeout());
  }

  /**
   * Reads the bucket's status and configuration.
   *
   * @throws BucketNotFoundException if the bucket was deleted
   * @return the status
   */
  public KeyValueStatus status() {
    try {
      return new KeyValueStatus(bucket, js.streams().info(streamName));
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
        throw new BucketNotFoundException("bucket '" + bucket + "' does not exist", e);
      }
      throw e;
    }
  }

  // ---- for the watcher and key listing (same package)

  JetStream jetStream() {
    return js;
  }

  String streamName() {
    return streamName;
  }

  String readPrefix() {
    return readPrefix;
  }

  String writePrefix() {
    return writePrefix;
  }

  /** The bucket's max value size (its stream's max message size), or -1 for no limit. */
  long maxValueSize() {
    return info.config().maxMsgSize();
  }

  /** The latest message of a key, markers included; null if none. */
  KeyValueEntry latest(String key) {
    try {
      StoredMessage m = js.streams().getLastMessage(info, readPrefix + key);
      return Entries.fromStored(bucket, appKey(key), m);
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public String toString() {
    return "KeyValue[bucket=" + bucket + ", stream=" + streamName + "]";
  }
}
