package io.nats4j.kv;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.PublishOptions;
import java.time.Duration;

/** The write path of a bucket handle: conditional publishes, markers, and their error mapping. */
final class Writes {
  private static final byte[] EMPTY = new byte[0];

  private final KeyValue kv;

  Writes(KeyValue kv) {
    this.kv = kv;
  }

  long create(String key, byte[] value, Duration ttl) {
    String stored = kv.storedKey(key);
    checkTtl("ttl", ttl);
    try {
      return publish(stored, null, value, expect(0, ttl));
    } catch (JetStreamApiException e) {
      if (!Entries.isWrongLastSequence(e)) {
        throw e;
      }
      KeyValueEntry current = kv.latest(stored);
      if (current != null && current.operation() != KeyValueOperation.PUT) {
        try {
          return publish(stored, null, value, expect(current.revision(), ttl));
        } catch (JetStreamApiException again) {
          if (!Entries.isWrongLastSequence(again)) {
            throw again;
          }
          throw exists(key, again);
        }
      }
      throw exists(key, e);
    }
  }

  void marker(String key, String operation, long expectedRevision, Duration ttl) {
    String stored = kv.storedKey(key);
    Headers h = new Headers().put(Entries.OPERATION, operation);
    if (Entries.PURGE.equals(operation)) {
      h.put(Entries.ROLLUP, "sub");
    }
    PublishOptions options = PublishOptions.NONE;
    if (expectedRevision > 0 || ttl != null) {
      PublishOptions.Builder b = PublishOptions.builder();
      if (expectedRevision > 0) {
        b.expectedLastSubjectSequence(expectedRevision);
      }
      if (ttl != null) {
        b.ttl(ttl);
      }
      options = b.build();
    }
    try {
      publish(stored, h, EMPTY, options);
    } catch (JetStreamApiException e) {
      throw conflictOr(e, key, expectedRevision);
    }
  }

  long publish(String key, Headers headers, byte[] value, PublishOptions options) {
    try {
      return kv.jetStream()
          .publish(kv.writePrefix() + key, headers, value == null ? EMPTY : value, options)
          .seq();
    } catch (JetStreamApiException e) {
      if (e.errorCode() == JetStreamApiException.MESSAGE_TTL_DISABLED) {
        throw new KeyValueException(
            "bucket '"
                + kv.bucket()
                + "' does not allow per-key TTL: give it a limitMarkerTtl (server 2.11+)",
            e);
      }
      throw e;
    }
  }

  static PublishOptions expect(long revision, Duration ttl) {
    PublishOptions.Builder b = PublishOptions.builder().expectedLastSubjectSequence(revision);
    if (ttl != null) {
      b.ttl(ttl);
    }
    return b.build();
  }

  RuntimeException conflictOr(JetStreamApiException e, String key, long expected) {
    if (!Entries.isWrongLastSequence(e)) {
      return e;
    }
    return new KeyValueConflictException(
        "key '"
            + key
            + "' of bucket '"
            + kv.bucket()
            + "' is no longer at revision "
            + expected
            + " (another write came first): read it again and retry",
        e);
  }

  private KeyExistsException exists(String key, JetStreamApiException cause) {
    return new KeyExistsException(
        "key '" + key + "' of bucket '" + kv.bucket() + "' already holds a value", cause);
  }

  static void requireRevision(long revision) {
    if (revision < 1) {
      throw new IllegalArgumentException("expectedRevision must be at least 1, was " + revision);
    }
  }

  static void checkTtl(String what, Duration ttl) {
    if (ttl != null && ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(what + " must be at least 1 second, was " + ttl);
    }
  }
}
