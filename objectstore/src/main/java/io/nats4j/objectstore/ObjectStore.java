package io.nats4j.objectstore;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.objectstore.internal.ObjectNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;

/**
 * An Object Store bucket: objects of any size stored as chunks on the stream {@code OBJ_<bucket>},
 * wire-compatible with nats.go, nats.js and the {@code nats} CLI (ADR-20).
 *
 * <pre>{@code
 * ObjectStore files = ObjectStoreManager.of(js).open("files");
 * ObjectInfo info = files.put(ObjectMeta.of("report.pdf"), Path.of("report.pdf"));
 * files.get("report.pdf", Path.of("copy.pdf"));   // size, chunks and SHA-256 checked
 * }</pre>
 *
 * <p><b>Puts stream</b>: chunks are published as they are read with the JetStream async-publish
 * window (at most 8 MiB of chunks in flight), never the whole object in memory. The meta message is
 * the commit point: until it is stored, readers see the previous version (or nothing); after it,
 * the new one; the old chunks are purged only then. A put that fails midway purges the chunks it
 * published, so no partial object and no orphan chunks remain (if the server itself is gone, chunks
 * without a meta may stay in the stream, invisible to every client).
 *
 * <p>Names may be any non-empty text: spaces, slashes, dots and non-ASCII characters are fine (they
 * are base64-encoded in the meta subject exactly as nats.go encodes them).
 *
 * <p>A sealed bucket refuses puts, deletes, meta updates and links with {@link
 * StoreSealedException}.
 *
 * <p>Thread-safety: safe from any thread; concurrent puts of the same name race like the other
 * clients' (the last meta stored wins, each loser's chunks stay until purged by a later put).
 * Blocking methods are safe on virtual threads.
 */
public final class ObjectStore {
  private final JetStream js;
  private final String bucket;
  private final String stream;

  private final MetaOps metaOps;
  private final ObjectGets gets;

  /** The stream's info as of opening (read lazily for a bucket reached through a link). */
  private volatile StreamInfo opened;

  ObjectStore(JetStream js, String bucket) {
    this(js, bucket, null);
  }

  ObjectStore(JetStream js, String bucket, StreamInfo opened) {
    this.js = js;
    this.bucket = bucket;
    this.stream = ObjectNames.stream(bucket);
    this.opened = opened;
    this.metaOps = new MetaOps(this, js);
    this.gets = new ObjectGets(metaOps);
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
   * Returns the bucket's state from its stream.
   *
   * @return the status
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public ObjectStoreStatus status() {
    return new ObjectStoreStatus(bucket, streamInfo());
  }

  /**
   * Seals the bucket: from now on it refuses puts, deletes, meta updates and links. Irreversible.
   * Idempotent.
   *
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public void seal() {
    StreamInfo info = streamInfo();
    if (info.config().sealed()) {
      return;
    }
    StreamConfig sealed = info.config().toBuilder().sealed(true).build();
    try {
      js.streams().update(sealed);
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "seal", e);
    }
  }

  /**
   * Puts an object from a stream, read to its end (the stream is not closed).
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param in the content
   * @return the stored object's info
   * @throws IllegalArgumentException if the name or chunk size is invalid (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   * @throws ObjectStoreException if reading the stream failed (what was sent is purged)
   */
  public ObjectInfo put(ObjectMeta meta, InputStream in) {
    return put(meta, in, null);
  }

  /**
   * Puts an object from a stream, with progress reports (total unknown: -1).
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param in the content, read to its end (not closed)
   * @param progress told after each chunk, or null
   * @return the stored object's info
   * @throws IllegalArgumentException if the name or chunk size is invalid (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   * @throws ObjectStoreException if reading the stream failed (what was sent is purged)
   */
  public ObjectInfo put(ObjectMeta meta, InputStream in, ProgressListener progress) {
    Objects.requireNonNull(in, "in");
    return new ObjectPut(this, js).put(meta, in::read, -1, progress);
  }

  /**
   * Puts an object from an okio source, read to its end (the source is closed).
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param source the content
   * @param progress told after each chunk, or null
   * @return the stored object's info
   * @throws IllegalArgumentException if the name or chunk size is invalid (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   * @throws ObjectStoreException if reading the source failed (what was sent is purged)
   */
  public ObjectInfo put(ObjectMeta meta, Source source, ProgressListener progress) {
    Objects.requireNonNull(source, "source");
    try (BufferedSource in = Okio.buffer(source)) {
      return new ObjectPut(this, js).put(meta, in::read, -1, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("closing the source failed: " + e.getMessage(), e);
    }
  }

  /**
   * Puts the content of a file.
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param file the file
   * @return the stored object's info
   * @throws UncheckedIOException if the file cannot be opened (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   * @throws ObjectStoreException if reading failed or the file changed size while being read
   */
  public ObjectInfo put(ObjectMeta meta, Path file) {
    return put(meta, file, null);
  }

  /**
   * Puts the content of a file, with progress reports (total: the file's size).
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param file the file
   * @param progress told after each chunk, or null
   * @return the stored object's info
   * @throws UncheckedIOException if the file cannot be opened (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   * @throws ObjectStoreException if reading failed or the file changed size while being read
   */
  public ObjectInfo put(ObjectMeta meta, Path file, ProgressListener progress) {
    Objects.requireNonNull(meta, "meta");
    ObjectNames.requireValidName(bucket, meta.name());
    long size;
    InputStream in;
    try {
      size = Files.size(file);
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try (in) {
      return new ObjectPut(this, js).put(meta, in::read, size, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Puts an object held in memory.
   *
   * @param meta name, description, headers, metadata, chunk size
   * @param data the content (not copied; do not modify it during the call)
   * @return the stored object's info
   * @throws IllegalArgumentException if the name or chunk size is invalid (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   */
  public ObjectInfo put(ObjectMeta meta, byte[] data) {
    Objects.requireNonNull(data, "data");
    return new ObjectPut(this, js)
        .put(meta, new ByteArrayInputStream(data)::read, data.length, null);
  }

  /**
   * Puts an object held in memory under a name.
   *
   * @param name the object name
   * @param data the content
   * @return the stored object's info
   * @throws IllegalArgumentException if the name is invalid (nothing sent)
   * @throws StoreSealedException if the bucket is sealed
   */
  public ObjectInfo put(String name, byte[] data) {
    return put(ObjectMeta.of(name), data);
  }

  /**
   * Returns an object's info, read with Direct Get of its meta's last message. Deleted objects are
   * reported as absent.
   *
   * @param name the object name
   * @return the info, empty if there is no such object or it was deleted
   * @throws IllegalArgumentException if the name is invalid
   * @throws BucketNotFoundException if the bucket was deleted
   * @throws ObjectStoreException if the meta cannot be read
   */
  public Optional<ObjectInfo> info(String name) {
    return info(name, false);
  }

  /**
   * Returns an object's info, optionally also when it was deleted.
   *
   * @param name the object name
   * @param includeDeleted true to return a deleted object's marker ({@link ObjectInfo#isDeleted()})
   * @return the info, empty if none
   * @throws IllegalArgumentException if the name is invalid
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public Optional<ObjectInfo> info(String name, boolean includeDeleted) {
    ObjectNames.requireValidName(bucket, name);
    StoredMessage m;
    String subject = ObjectNames.metaSubject(bucket, name);
    try {
      // Direct Get only when the stream allows it: buckets made by nats.go before v1.17 do not.
      m = js.streams().getLastMessage(opened(), subject);
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw Errors.map(bucket, "info", e);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unanswered(e);
    }
    ObjectInfo info = MetaJson.decode(m.data(), m.time());
    if (info.isDeleted() && !includeDeleted) {
      return Optional.empty();
    }
    return Optional.of(info);
  }

  /**
   * Changes an object's name, description, headers and metadata (not its content, chunk size or
   * link). A rename stores the meta under the new name first, then purges the old name's meta.
   *
   * @param name the current name
   * @param meta the new meta (its chunk size is ignored)
   * @return the updated info
   * @throws ObjectNotFoundException if there is no such object (or it was deleted)
   * @throws ObjectAlreadyExistsException if renaming onto an existing object
   * @throws StoreSealedException if the bucket is sealed
   */
  public ObjectInfo updateMeta(String name, ObjectMeta meta) {
    return metaOps.updateMeta(name, meta);
  }

  /**
   * Deletes an object: stores a deleted marker as its meta (kept, as the other clients do: size,
   * chunks and digest reset, name, nuid and the rest kept) and purges its chunks.
   *
   * @param name the object name
   * @return the deleted marker
   * @throws ObjectNotFoundException if there is no such object
   * @throws StoreSealedException if the bucket is sealed
   */
  public ObjectInfo delete(String name) {
    return metaOps.delete(name);
  }

  /**
   * Adds (or replaces) a link to an object, possibly in another bucket. The target is checked as
   * stored now, not only as the given info says.
   *
   * @param name the link's name
   * @param target the object linked to
   * @return the link's info
   * @throws ObjectLinkException if the target is a link, deleted, or missing
   * @throws ObjectAlreadyExistsException if {@code name} is an object (not a link)
   * @throws StoreSealedException if the bucket is sealed
   */
  public ObjectInfo addLink(String name, ObjectInfo target) {
    return metaOps.addLink(name, target);
  }

  /**
   * Adds (or replaces) a link to a whole bucket, like a directory entry.
   *
   * @param name the link's name
   * @param target the bucket linked to
   * @return the link's info
   * @throws ObjectAlreadyExistsException if {@code name} is an object (not a link)
   * @throws StoreSealedException if this bucket is sealed
   */
  public ObjectInfo addBucketLink(String name, ObjectStore target) {
    Objects.requireNonNull(target, "target");
    ObjectNames.requireValidName(bucket, name);
    return metaOps.storeLink(name, new ObjectLink(target.bucket(), null));
  }

  /**
   * Gets an object into a stream (not closed), following a link to an object. The content is
   * written chunk by chunk as it arrives; the stream has received the whole object when this
   * returns.
   *
   * @param name the object name
   * @param out where to write
   * @return the info of the object read (the link's target for a link)
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectLinkException if it is a link to a bucket, or its target is gone or a link
   * @throws ObjectIntegrityException if the stored chunks do not match the meta (thrown after at
   *     most the object's size was written)
   * @throws ObjectChangedException if the object was replaced or deleted while being read
   * @throws UncheckedIOException if writing failed
   */
  public ObjectInfo get(String name, OutputStream out) {
    return get(name, out, null);
  }

  /**
   * Gets an object into a stream with progress reports.
   *
   * @param name the object name
   * @param out where to write (not closed)
   * @param progress told after each chunk, or null
   * @return the info of the object read
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectLinkException if it is a link to a bucket, or its target is gone or a link
   * @throws ObjectIntegrityException if the stored chunks do not match the meta
   * @throws ObjectChangedException if the object was replaced or deleted while being read
   * @throws UncheckedIOException if writing failed
   */
  public ObjectInfo get(String name, OutputStream out, ProgressListener progress) {
    return gets.get(name, out, progress);
  }

  /**
   * Gets an object into a file, replacing it only once the whole object was read and checked: the
   * content goes to a temporary file beside it, moved into place at the end (atomically where the
   * file system can). A failed get leaves the file as it was.
   *
   * @param name the object name
   * @param file the file to write
   * @return the info of the object read
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectIntegrityException if the stored chunks do not match the meta
   * @throws ObjectChangedException if the object was replaced or deleted while being read
   * @throws UncheckedIOException if writing failed
   */
  public ObjectInfo get(String name, Path file) {
    return get(name, file, null);
  }

  /**
   * Gets an object into a file with progress reports; see {@link #get(String, Path)}.
   *
   * @param name the object name
   * @param file the file to write
   * @param progress told after each chunk, or null
   * @return the info of the object read
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectIntegrityException if the stored chunks do not match the meta
   * @throws ObjectChangedException if the object was replaced or deleted while being read
   * @throws UncheckedIOException if writing failed
   */
  public ObjectInfo get(String name, Path file, ProgressListener progress) {
    return gets.get(name, file, progress);
  }

  /**
   * Gets a whole object into memory.
   *
   * @param name the object name
   * @return the content
   * @throws ObjectNotFoundException if there is no such object
   * @throws IllegalStateException if the object is larger than an array can hold
   * @throws ObjectIntegrityException if the stored chunks do not match the meta
   */
  public byte[] getBytes(String name) {
    return gets.getBytes(name);
  }

  /**
   * Opens an object for reading at the caller's pace, as an {@link InputStream} or okio {@code
   * Source}; close it when done.
   *
   * @param name the object name
   * @return the reader
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectLinkException if it is a link to a bucket, or its target is gone or a link
   */
  public ObjectReader reader(String name) {
    return reader(name, null);
  }

  /**
   * Opens an object for reading with progress reports.
   *
   * @param name the object name
   * @param progress told after each chunk, or null
   * @return the reader
   * @throws ObjectNotFoundException if there is no such object
   * @throws ObjectLinkException if it is a link to a bucket, or its target is gone or a link
   */
  public ObjectReader reader(String name, ProgressListener progress) {
    return new ObjectReader(metaOps.chunkReader(name, progress));
  }

  /**
   * Lists the objects (not deleted ones), each as its latest meta says.
   *
   * @return the objects, links included, in stream order
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public List<ObjectInfo> list() {
    return list(false);
  }

  /**
   * Lists the objects, optionally with the deleted ones' markers; an unreadable meta is skipped and
   * logged (see {@link #list(boolean, java.util.function.Consumer)}).
   *
   * @param includeDeleted true to include deleted objects
   * @return the objects in stream order
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public List<ObjectInfo> list(boolean includeDeleted) {
    return list(
        includeDeleted,
        e ->
            System.getLogger(ObjectStore.class.getName())
                .log(System.Logger.Level.WARNING, "object listing skipped a meta: {0}", e));
  }

  /**
   * Lists the objects, optionally with the deleted ones' markers, skipping a meta that cannot be
   * read (not Object Store JSON, e.g. written by a faulty tool): it is handed to {@code unreadable}
   * and the listing goes on. {@link #list(boolean)} logs such a meta as a warning through {@link
   * System.Logger}.
   *
   * @param includeDeleted true to include deleted objects
   * @param unreadable told about each meta skipped, on the calling thread
   * @return the readable objects in stream order
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public List<ObjectInfo> list(
      boolean includeDeleted, java.util.function.Consumer<ObjectStoreException> unreadable) {
    Objects.requireNonNull(unreadable, "unreadable");
    return ObjectLister.list(js, bucket, includeDeleted, unreadable);
  }

  /**
   * Watches the bucket: the current objects, the end of initial data (once), then changes.
   *
   * <pre>{@code
   * try (ObjectWatch w = store.watch(info -> System.out.println(info.name()))) { ... }
   * }</pre>
   *
   * @param watcher told about each object and the end of initial data
   * @return the running watch; close it to stop
   */
  public ObjectWatch watch(ObjectWatcher watcher) {
    return watch(watcher, WatchOptions.defaults());
  }

  /**
   * Watches the bucket with options.
   *
   * @param watcher told about each object and the end of initial data
   * @param options deleted objects, updates only, history
   * @return the running watch; close it to stop
   */
  public ObjectWatch watch(ObjectWatcher watcher, WatchOptions options) {
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(options, "options");
    try {
      return new ObjectWatchImpl(js, bucket, watcher, options).start();
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "watch", e);
    }
  }

  JetStream jetStream() {
    return js;
  }

  /**
   * A read nothing answered: a deleted bucket is reported as such; otherwise the read's own
   * failure, never the failure of the lookup made to tell (it fails the same way in an outage).
   */
  private RuntimeException unanswered(RuntimeException failure) {
    try {
      js.streams().info(stream);
    } catch (JetStreamApiException api) {
      if (api.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
        return new BucketNotFoundException("bucket '" + bucket + "' not found", failure);
      }
      failure.addSuppressed(api);
    } catch (RuntimeException lookup) {
      failure.addSuppressed(lookup);
    }
    return Errors.map(bucket, "info", failure);
  }

  /** The stream's info as of opening: whether it allows Direct Get. */
  private StreamInfo opened() {
    StreamInfo info = opened;
    if (info == null) {
      info = streamInfo();
      opened = info;
    }
    return info;
  }

  private StreamInfo streamInfo() {
    try {
      return js.streams().info(stream);
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "status", e);
    }
  }

  @Override
  public String toString() {
    return "ObjectStore[" + bucket + "]";
  }
}
