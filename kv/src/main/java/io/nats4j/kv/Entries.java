package io.nats4j.kv;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.StoredMessage;

/** Turns stored messages of a bucket's stream into entries (ADR-8, ADR-48 operations). */
final class Entries {
  static final String OPERATION = "KV-Operation";
  static final String MARKER_REASON = "Nats-Marker-Reason";
  static final String ROLLUP = "Nats-Rollup";
  static final String DEL = "DEL";
  static final String PURGE = "PURGE";

  private Entries() {}

  /** Reads the operation from {@code KV-Operation}, else from a limit marker's reason. */
  static KeyValueOperation operation(Headers h) {
    if (h == null || h.isEmpty()) {
      return KeyValueOperation.PUT;
    }
    String op = h.first(OPERATION);
    if (op != null) {
      return switch (op) {
        case DEL -> KeyValueOperation.DELETE;
        case PURGE -> KeyValueOperation.PURGE;
        default -> KeyValueOperation.PUT;
      };
    }
    String reason = h.first(MARKER_REASON);
    if (reason != null) {
      return switch (reason) {
        case "MaxAge", "Purge" -> KeyValueOperation.PURGE;
        case "Remove" -> KeyValueOperation.DELETE;
        default -> KeyValueOperation.PUT;
      };
    }
    return KeyValueOperation.PUT;
  }

  static KeyValueEntry fromStored(String bucket, String key, StoredMessage m) {
    return new KeyValueEntry(
        bucket, key, m.data(), m.seq(), m.time(), null, 0, operation(m.headers()));
  }

  static boolean isWrongLastSequence(JetStreamApiException e) {
    return e.errorCode() == JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE
        || e.errorCode() == JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE_CONSTANT;
  }
}
