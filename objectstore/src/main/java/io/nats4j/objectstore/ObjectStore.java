package io.nats4j.objectstore;

import io.nats4j.client.NoRespondersException;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.objectstore.internal.Nuid;
import io.nats4j.objectstore.internal.ObjectNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okio.Buffer;
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
 * window (at most 32 MiB of chunks in flight), never the whole object in memory. The meta message
 * is the commit point: until it is stored, readers see the previous version (or nothing); after it,
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

  ObjectStore(JetStream js, String bucket) {
    this.js = js;
    this.bucket = bucket;
    this.stream = ObjectNames.stream(bucket);
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
    return new ObjectPut(this, js).put(meta, Okio.source(in), -1, progress);
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
    return new ObjectPut(this, js).put(meta, source, -1, progress);
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
    Source source;
    try {
      size = Files.size(file);
      source = Okio.source(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ObjectPut(this, js).put(meta, source, size, progress);
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
    Buffer buffer = new Buffer().write(data);
    return new ObjectPut(this, js).put(meta, buffer, data.length, null);
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
      m = js.streams().directGetLast(stream, subject);
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
        return Optional.empty();
      }
      throw Errors.map(bucket, "info", e);
    } catch (NoRespondersException e) {
      // No Direct Get responder: the stream is gone (or lacks allow_direct); ask the API.
      try {
        m = js.streams().getLastMessage(stream, subject);
      } catch (JetStreamApiException api) {
        if (api.errorCode() == JetStreamApiException.NO_MESSAGE_FOUND) {
          return Optional.empty();
        }
        throw Errors.map(bucket, "info", api);
      }
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
    Objects.requireNonNull(meta, "meta");
    ObjectNames.requireValidName(bucket, name);
    ObjectNames.requireValidName(bucket, meta.name());
    ObjectInfo current =
        info(name)
            .orElseThrow(
                () ->
                    new ObjectNotFoundException(
                        "cannot update the meta of '" + name + "': no such object"));
    boolean rename = !name.equals(meta.name());
    if (rename) {
      Optional<ObjectInfo> taken = info(meta.name(), true);
      if (taken.isPresent() && !taken.get().isDeleted()) {
        throw new ObjectAlreadyExistsException(
            "cannot rename '" + name + "' to '" + meta.name() + "': that object exists");
      }
    }
    ObjectInfo updated =
        new ObjectInfo(
            meta.name(),
            meta.description(),
            meta.headers(),
            meta.metadata(),
            current.hasOptions(),
            current.link(),
            current.chunkSize(),
            bucket,
            current.nuid(),
            current.size(),
            null,
            current.chunks(),
            current.digest(),
            false);
    try {
      new ObjectPut(this, js).publishMeta(updated);
      if (rename) {
        js.streams().purge(stream, PurgeOptions.subject(ObjectNames.metaSubject(bucket, name)));
      }
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "meta update of '" + name + "'", e);
    }
    return updated.withModified(Instant.now());
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
    ObjectInfo current =
        info(name, true)
            .orElseThrow(
                () -> new ObjectNotFoundException("cannot delete '" + name + "': no such object"));
    ObjectInfo marker =
        new ObjectInfo(
            current.name(),
            current.description(),
            current.headers(),
            current.metadata(),
            current.hasOptions(),
            current.link(),
            current.chunkSize(),
            bucket,
            current.nuid(),
            0,
            null,
            0,
            null,
            true);
    try {
      new ObjectPut(this, js).publishMeta(marker);
      js.streams()
          .purge(stream, PurgeOptions.subject(ObjectNames.chunkSubject(bucket, current.nuid())));
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "delete of '" + name + "'", e);
    }
    return marker.withModified(Instant.now());
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
    Objects.requireNonNull(target, "target");
    ObjectNames.requireValidName(bucket, name);
    if (target.isLink()) {
      throw new ObjectLinkException(
          "cannot link '" + name + "' to '" + target.name() + "': it is itself a link");
    }
    if (target.isDeleted()) {
      throw new ObjectLinkException(
          "cannot link '" + name + "' to '" + target.name() + "': it was deleted");
    }
    ObjectStore targetStore =
        target.bucket().equals(bucket) ? this : new ObjectStore(js, target.bucket());
    ObjectInfo now =
        targetStore
            .info(target.name(), true)
            .orElseThrow(
                () ->
                    new ObjectLinkException(
                        "cannot link '"
                            + name
                            + "' to '"
                            + target.name()
                            + "' in bucket '"
                            + target.bucket()
                            + "': no such object"));
    if (now.isDeleted()) {
      throw new ObjectLinkException(
          "cannot link '" + name + "' to '" + target.name() + "': it was deleted");
    }
    if (now.isLink()) {
      throw new ObjectLinkException(
          "cannot link '" + name + "' to '" + target.name() + "': it is itself a link");
    }
    return storeLink(name, new ObjectLink(target.bucket(), target.name()));
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
    return storeLink(name, new ObjectLink(target.bucket(), null));
  }

  private ObjectInfo storeLink(String name, ObjectLink link) {
    Optional<ObjectInfo> existing = info(name, true);
    if (existing.isPresent() && !existing.get().isLink() && !existing.get().isDeleted()) {
      throw new ObjectAlreadyExistsException(
          "cannot make '" + name + "' a link: an object with that name exists");
    }
    ObjectInfo info =
        new ObjectInfo(
            name, null, null, null, true, link, 0, bucket, Nuid.next(), 0, null, 0, null, false);
    try {
      new ObjectPut(this, js).publishMeta(info);
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "link '" + name + "'", e);
    }
    return info.withModified(Instant.now());
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
    Objects.requireNonNull(out, "out");
    try (ChunkReader chunks = chunkReader(name, progress)) {
      for (byte[] c = chunks.next(); c != null; c = chunks.next()) {
        out.write(c);
      }
      return chunks.info();
    } catch (IOException e) {
      throw new UncheckedIOException("writing object '" + name + "' failed: " + e.getMessage(), e);
    }
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
    Path target = file.toAbsolutePath();
    Path temp;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write beside " + file + ": " + e.getMessage(), e);
    }
    boolean moved = false;
    try {
      ObjectInfo info;
      try (OutputStream out = Files.newOutputStream(temp)) {
        info = get(name, out, progress);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + " failed: " + e.getMessage(), e);
    } finally {
      if (!moved) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
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
    try (ChunkReader chunks = chunkReader(name, null)) {
      if (chunks.info().size() > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException(
            "object '" + name + "' has " + chunks.info().size() + " bytes: read it as a stream");
      }
      Buffer buffer = new Buffer();
      for (byte[] c = chunks.next(); c != null; c = chunks.next()) {
        buffer.write(c);
      }
      return buffer.readByteArray();
    }
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
    return new ObjectReader(chunkReader(name, progress));
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
   * Lists the objects, optionally with the deleted ones' markers.
   *
   * @param includeDeleted true to include deleted objects
   * @return the objects in stream order
   * @throws BucketNotFoundException if the bucket was deleted
   */
  public List<ObjectInfo> list(boolean includeDeleted) {
    return ObjectLister.list(js, bucket, includeDeleted);
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

  private ChunkReader chunkReader(String name, ProgressListener progress) {
    ObjectInfo info =
        info(name).orElseThrow(() -> new ObjectNotFoundException("no object '" + name + "'"));
    ObjectStore store = this;
    if (info.isLink()) {
      ObjectLink link = info.link();
      if (link.isBucketLink()) {
        throw new ObjectLinkException(
            "'" + name + "' is a link to the bucket '" + link.bucket() + "'; open that bucket");
      }
      store = link.bucket().equals(bucket) ? this : new ObjectStore(js, link.bucket());
      ObjectInfo target =
          store
              .info(link.name())
              .orElseThrow(
                  () ->
                      new ObjectLinkException(
                          "link '"
                              + name
                              + "' points to '"
                              + link.name()
                              + "' in bucket '"
                              + link.bucket()
                              + "', which does not exist (deleted?)"));
      if (target.isLink()) {
        throw new ObjectLinkException(
            "link '" + name + "' points to '" + link.name() + "', itself a link");
      }
      info = target;
    }
    try {
      return new ChunkReader(store, js, info, progress);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "get of '" + name + "'", e);
    }
  }

  JetStream jetStream() {
    return js;
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
