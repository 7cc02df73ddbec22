package io.nats4j.objectstore;

import io.nats4j.client.Headers;
import io.nats4j.client.NatsTimeoutException;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.objectstore.internal.Nuid;
import io.nats4j.objectstore.internal.ObjectNames;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One put: chunks published as they are read (async, a bounded number in flight), then the meta
 * with {@code Nats-Rollup: sub}, then the previous version's chunks purged. A failure before the
 * meta is stored purges the new chunks, so readers see the old object (or none) and nothing is left
 * behind; the meta is the commit point.
 *
 * <p>Not thread-safe: one instance per put, used by the calling thread.
 */
final class ObjectPut {
  static final String ROLLUP = "Nats-Rollup";
  static final String ROLLUP_SUBJECT = "sub";

  /** Bytes of chunks in flight (published, ack not yet received) per put. */
  private static final long IN_FLIGHT_BYTES = 8L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ObjectPut.class);

  private final ObjectStore store;
  private final JetStream js;
  private final String bucket;

  ObjectPut(ObjectStore store, JetStream js) {
    this.store = store;
    this.js = js;
    this.bucket = store.bucket();
  }

  /** Where a put reads from: like {@code InputStream.read}, -1 at the end. */
  @FunctionalInterface
  interface Input {
    int read(byte[] b, int off, int len) throws IOException;
  }

  /**
   * Puts from an input, which the caller closes. The bytes are read straight into the chunk array
   * and hashed there: one copy per byte before the connection's own.
   */
  ObjectInfo put(ObjectMeta meta, Input in, long knownTotal, ProgressListener progress) {
    ObjectNames.requireValidName(bucket, meta.name());
    int chunkSize = meta.chunkSize() == 0 ? ObjectMeta.DEFAULT_CHUNK_SIZE : meta.chunkSize();
    Optional<ObjectInfo> existing = store.info(meta.name(), true);
    String nuid = Nuid.next();
    String chunkSubject = ObjectNames.chunkSubject(bucket, nuid);
    int maxInFlight = (int) Math.max(2, IN_FLIGHT_BYTES / chunkSize);
    ArrayDeque<CompletableFuture<PubAck>> inFlight = new ArrayDeque<>();
    Duration ackWait = js.options().publishAckTimeout().multipliedBy(2);

    MessageDigest sha = sha256();
    long size = 0;
    long chunks = 0;
    boolean metaStored = false;
    try {
      byte[] chunk = new byte[chunkSize];
      while (true) {
        int n = fill(in, chunk);
        if (n <= 0) {
          break;
        }
        sha.update(chunk, 0, n);
        byte[] data = n == chunk.length ? chunk : Arrays.copyOf(chunk, n);
        inFlight.add(js.publishAsync(chunkSubject, null, data, PublishOptions.NONE));
        size += n;
        chunks++;
        // Fail fast (e.g. a sealed store) and keep the window bounded.
        while (!inFlight.isEmpty()
            && (inFlight.size() > maxInFlight || inFlight.peekFirst().isDone())) {
          await(inFlight.pollFirst(), ackWait, "a chunk ack");
        }
        if (progress != null) {
          progress.onProgress(size, knownTotal);
        }
        if (n < chunk.length) {
          break;
        }
      }
      if (knownTotal >= 0 && size != knownTotal) {
        throw new ObjectStoreException(
            "the source gave "
                + size
                + " bytes but "
                + knownTotal
                + " were expected; it changed"
                + " while being read");
      }
      while (!inFlight.isEmpty()) {
        await(inFlight.pollFirst(), ackWait, "a chunk ack");
      }
      String digest = "SHA-256=" + Base64.getUrlEncoder().encodeToString(sha.digest());
      ObjectInfo info =
          new ObjectInfo(
              meta.name(),
              meta.description(),
              meta.headers(),
              meta.metadata(),
              true,
              null,
              chunkSize,
              bucket,
              nuid,
              size,
              null,
              chunks,
              digest,
              false);
      publishMeta(info);
      metaStored = true;
      existing.ifPresent(old -> purgeOldChunks(old, nuid));
      return info.withModified(Instant.now());
    } catch (IOException e) {
      if (e instanceof InterruptedIOException) {
        Thread.currentThread().interrupt();
      }
      throw new ObjectStoreException(
          "put of '" + meta.name() + "' failed reading the source: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw Errors.map(bucket, "put of '" + meta.name() + "'", e);
    } finally {
      if (!metaStored) {
        abandon(inFlight, chunkSubject, ackWait);
      }
    }
  }

  /** Publishes a meta with the rollup header, and makes sure a timed-out publish did not land. */
  void publishMeta(ObjectInfo info) {
    String subject = ObjectNames.metaSubject(bucket, info.name());
    Headers headers = new Headers().put(ROLLUP, ROLLUP_SUBJECT);
    try {
      js.publish(subject, headers, MetaJson.encode(info), PublishOptions.NONE);
    } catch (NatsTimeoutException e) {
      // The meta may have been stored even though its ack was lost: it is the commit point, so
      // ask the stream rather than guess.
      Optional<ObjectInfo> now = store.info(info.name(), true);
      if (now.isEmpty() || !now.get().nuid().equals(info.nuid())) {
        throw e;
      }
    }
  }

  private void purgeOldChunks(ObjectInfo old, String newNuid) {
    if (old.isDeleted() || old.isLink() || old.nuid().isEmpty() || old.nuid().equals(newNuid)) {
      return;
    }
    try {
      purge(ObjectNames.chunkSubject(bucket, old.nuid()));
    } catch (RuntimeException e) {
      LOG.warn(
          "object '{}' in bucket '{}' was replaced, but the chunks of the old version {} could"
              + " not be purged: {}",
          old.name(),
          bucket,
          old.nuid(),
          e.toString());
    }
  }

  private void abandon(
      ArrayDeque<CompletableFuture<PubAck>> inFlight, String chunkSubject, Duration ackWait) {
    // Wait for the chunks in flight so none lands after the purge, then purge them all.
    for (CompletableFuture<PubAck> f : inFlight) {
      try {
        f.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException | RuntimeException ignored) {
        // it failed or is lost: either way nothing more to wait for
      }
    }
    try {
      purge(chunkSubject);
    } catch (JetStreamApiException e) {
      if (e.errorCode() != Errors.STREAM_SEALED) { // sealed: no chunk could have been stored
        warnOrphans(chunkSubject, e);
      }
    } catch (RuntimeException e) {
      warnOrphans(chunkSubject, e);
    }
  }

  private static void warnOrphans(String chunkSubject, RuntimeException e) {
    LOG.warn(
        "a failed put left chunks on {} that could not be purged (no meta points to them): {}",
        chunkSubject,
        e.toString());
  }

  private void purge(String subject) {
    js.streams().purge(ObjectNames.stream(bucket), PurgeOptions.subject(subject));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static <T> T await(CompletableFuture<T> f, Duration wait, String what) {
    try {
      return f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException("interrupted while waiting for " + what, e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new ObjectStoreException(what + " failed: " + c, c);
    } catch (TimeoutException e) {
      throw new NatsTimeoutException("no " + what + " within " + wait);
    }
  }

  /** Reads until the array is full or the source ends; returns the count, 0 at the end. */
  static int fill(Input in, byte[] chunk) throws IOException {
    int off = 0;
    while (off < chunk.length) {
      int n = in.read(chunk, off, chunk.length - off);
      if (n < 0) {
        break;
      }
      off += n;
    }
    return off;
  }
}
