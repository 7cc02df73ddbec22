package io.nats4j.objectstore;

import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.ConsumerMessages;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JsMessage;
import io.nats4j.jetstream.OrderedConsumer;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.objectstore.ObjectIntegrityException.Reason;
import io.nats4j.objectstore.internal.ObjectNames;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads one object version's chunks in order through an ordered consumer (caller-paced, at most
 * {@link #windowBytes} buffered) and checks them against the meta: never more bytes or chunks than
 * it says (checked per chunk), and at the end the chunk count, size and SHA-256 digest. The end is
 * the chunk the server reports nothing pending after; a stall is checked against the meta, to tell
 * a replaced or deleted object from missing chunks.
 *
 * <p>Not thread-safe: one reader, one thread at a time.
 */
final class ChunkReader implements AutoCloseable {
  /** The least the consumer may buffer ahead of the reader. */
  static final long MIN_WINDOW_BYTES = 16L * 1024 * 1024;

  private static final Duration POLL = Duration.ofSeconds(1);

  private final ObjectStore store;
  private final ObjectInfo info;
  private final ProgressListener progress;
  private final MessageDigest sha;
  private final Duration stallLimit;
  private ConsumerMessages messages;
  private long bytes;
  private long chunks;
  private boolean done;
  private boolean closed;

  ChunkReader(ObjectStore store, JetStream js, ObjectInfo info, ProgressListener progress) {
    this.store = store;
    this.info = info;
    this.progress = progress;
    try {
      this.sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    this.stallLimit = js.options().requestTimeout().multipliedBy(2);
    if (info.chunks() > 0 || info.size() > 0) {
      OrderedConsumer consumer =
          js.orderedConsumer(
              ObjectNames.stream(info.bucket()),
              OrderedConsumerConfig.builder()
                  .filterSubjects(ObjectNames.chunkSubject(info.bucket(), info.nuid()))
                  .deliverPolicy(DeliverPolicy.ALL)
                  .build());
      long window = windowBytes(info);
      this.messages =
          consumer.messages(
              ConsumeOptions.builder()
                  .maxBytes(window)
                  // a get notices a dead stream server as soon as a watch does
                  .idleHeartbeat(ObjectWatchImpl.HEARTBEAT)
                  // pull again after a quarter of the window was read, so the server never waits
                  .thresholdBytes(window * 3 / 4)
                  .build());
      ConsumerInfo ci = consumer.currentInfo();
      if (ci != null && ci.numPending() == 0) {
        // Every chunk is gone (purged or never stored): the end checks say which.
        finish();
      }
    } else {
      finish();
    }
  }

  /**
   * Bytes of chunks the consumer may buffer ahead of the reader: {@link #MIN_WINDOW_BYTES}, or four
   * chunks when they are larger (a pull's byte limit below a chunk's size would never deliver it).
   * Measured on 64 MiB objects of 128 KiB chunks, quiet 2-core machine: windows of 2, 4, 8 and 16
   * MiB gave 718, 798, 828 and 838 MB/s; 16, 32 and 64 MiB gave 896, 877 and 884 MB/s.
   */
  static long windowBytes(ObjectInfo info) {
    return Math.max(MIN_WINDOW_BYTES, 4L * info.chunkSize());
  }

  ObjectInfo info() {
    return info;
  }

  /**
   * Returns the next chunk's bytes, or null at the verified end.
   *
   * @throws ObjectIntegrityException if the chunks do not match the meta
   * @throws ObjectChangedException if the object was replaced or deleted mid-read
   */
  byte[] next() {
    if (done) {
      return null;
    }
    if (closed) {
      throw new IllegalStateException("the object reader is closed");
    }
    long stalled = 0;
    while (true) {
      Optional<JsMessage> m = messages.next(POLL);
      if (m.isPresent()) {
        return accept(m.get());
      }
      stalled += POLL.toNanos();
      Optional<ObjectInfo> now = store.info(info.name(), true);
      if (now.isEmpty() || now.get().isDeleted() || !now.get().nuid().equals(info.nuid())) {
        close();
        throw new ObjectChangedException(
            "object '"
                + info.name()
                + "' was "
                + (now.isEmpty() || now.get().isDeleted() ? "deleted" : "replaced")
                + " while being read, after "
                + bytes
                + " of "
                + info.size()
                + " bytes; get it again");
      }
      if (stalled >= stallLimit.toNanos()) {
        close();
        throw new ObjectIntegrityException(
            Reason.MISSING_DATA,
            "object '"
                + info.name()
                + "': no chunk for "
                + stallLimit.toSeconds()
                + " s after "
                + chunks
                + " of "
                + info.chunks()
                + " chunks");
      }
    }
  }

  private byte[] accept(JsMessage m) {
    byte[] data = m.data();
    chunks++;
    bytes += data.length;
    if (chunks > info.chunks() || bytes > info.size()) {
      close();
      throw new ObjectIntegrityException(
          Reason.EXTRA_DATA,
          "object '"
              + info.name()
              + "' has more data in the stream than its meta says: "
              + chunks
              + " chunks / "
              + bytes
              + " bytes so far, meta says "
              + info.chunks()
              + " / "
              + info.size());
    }
    sha.update(data);
    if (m.metadata().numPending() == 0) {
      finish();
    }
    if (progress != null) {
      progress.onProgress(bytes, info.size());
    }
    return data;
  }

  private void finish() {
    close();
    done = true;
    if (chunks != info.chunks() || bytes != info.size()) {
      throw new ObjectIntegrityException(
          Reason.MISSING_DATA,
          "object '"
              + info.name()
              + "' is incomplete in the stream: "
              + chunks
              + " chunks / "
              + bytes
              + " bytes, meta says "
              + info.chunks()
              + " / "
              + info.size());
    }
    String digest = info.digest();
    if (digest == null || !digest.regionMatches(true, 0, "SHA-256=", 0, 8)) {
      throw new ObjectIntegrityException(
          Reason.UNKNOWN_DIGEST,
          "object '" + info.name() + "' has no SHA-256 digest to check: " + digest);
    }
    byte[] expected;
    try {
      expected = Base64.getUrlDecoder().decode(digest.substring(8));
    } catch (IllegalArgumentException e) {
      throw new ObjectIntegrityException(
          Reason.UNKNOWN_DIGEST, "object '" + info.name() + "' has a malformed digest: " + digest);
    }
    if (!MessageDigest.isEqual(expected, sha.digest())) {
      throw new ObjectIntegrityException(
          Reason.DIGEST_MISMATCH,
          "object '"
              + info.name()
              + "' does not match its SHA-256 digest: a chunk was altered or reordered");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (messages != null) {
        messages.close();
      }
    }
  }
}
