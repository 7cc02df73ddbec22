package io.nats4j.objectstore;

import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.objectstore.internal.Nuid;
import io.nats4j.objectstore.internal.ObjectNames;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The meta-only operations of a bucket: meta updates and renames, deletes (marker then purge),
 * links, and resolving a link for a get. Each stores a meta with the rollup header through {@link
 * ObjectPut#publishMeta}.
 *
 * <p>Thread-safety: stateless apart from the bucket it works on.
 */
final class MetaOps {
  private final ObjectStore store;
  private final JetStream js;
  private final String bucket;
  private final String stream;

  MetaOps(ObjectStore store, JetStream js) {
    this.store = store;
    this.js = js;
    this.bucket = store.bucket();
    this.stream = ObjectNames.stream(bucket);
  }

  ObjectInfo updateMeta(String name, ObjectMeta meta) {
    Objects.requireNonNull(meta, "meta");
    ObjectNames.requireValidName(bucket, name);
    ObjectNames.requireValidName(bucket, meta.name());
    ObjectInfo current =
        store
            .info(name)
            .orElseThrow(
                () ->
                    new ObjectNotFoundException(
                        "cannot update the meta of '" + name + "': no such object"));
    boolean rename = !name.equals(meta.name());
    if (rename) {
      Optional<ObjectInfo> taken = store.info(meta.name(), true);
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
      new ObjectPut(store, js).publishMeta(updated);
      if (rename) {
        js.streams().purge(stream, PurgeOptions.subject(ObjectNames.metaSubject(bucket, name)));
      }
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "meta update of '" + name + "'", e);
    }
    return updated.withModified(Instant.now());
  }

  ObjectInfo delete(String name) {
    ObjectInfo current =
        store
            .info(name, true)
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
      new ObjectPut(store, js).publishMeta(marker);
      js.streams()
          .purge(stream, PurgeOptions.subject(ObjectNames.chunkSubject(bucket, current.nuid())));
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "delete of '" + name + "'", e);
    }
    return marker.withModified(Instant.now());
  }

  ObjectInfo addLink(String name, ObjectInfo target) {
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
        target.bucket().equals(bucket) ? store : new ObjectStore(js, target.bucket());
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

  ObjectInfo storeLink(String name, ObjectLink link) {
    Optional<ObjectInfo> existing = store.info(name, true);
    if (existing.isPresent() && !existing.get().isLink() && !existing.get().isDeleted()) {
      throw new ObjectAlreadyExistsException(
          "cannot make '" + name + "' a link: an object with that name exists");
    }
    ObjectInfo info =
        new ObjectInfo(
            name, null, null, null, true, link, 0, bucket, Nuid.next(), 0, null, 0, null, false);
    try {
      new ObjectPut(store, js).publishMeta(info);
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "link '" + name + "'", e);
    }
    return info.withModified(Instant.now());
  }

  ChunkReader chunkReader(String name, ProgressListener progress) {
    ObjectInfo info =
        store.info(name).orElseThrow(() -> new ObjectNotFoundException("no object '" + name + "'"));
    ObjectStore source = store;
    if (info.isLink()) {
      ObjectLink link = info.link();
      if (link.isBucketLink()) {
        throw new ObjectLinkException(
            "'" + name + "' is a link to the bucket '" + link.bucket() + "'; open that bucket");
      }
      source = link.bucket().equals(bucket) ? store : new ObjectStore(js, link.bucket());
      ObjectInfo target =
          source
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
      return new ChunkReader(source, js, info, progress);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "get of '" + name + "'", e);
    }
  }
}
