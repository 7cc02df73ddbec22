package io.nats4j.kv;

/**
 * What a revision of a key did. Read from the {@code KV-Operation} header (absent for a put, {@code
 * DEL} or {@code PURGE}), or for a limit marker written by the server (ADR-48) from its {@code
 * Nats-Marker-Reason} header: {@code MaxAge} and {@code Purge} are purges, {@code Remove} is a
 * delete.
 *
 * <p>Thread-safe: an enum.
 */
public enum KeyValueOperation {
  /** A value was stored. */
  PUT,
  /** The key was deleted; earlier revisions are kept (subject to the bucket's history). */
  DELETE,
  /** The key was purged: earlier revisions were removed. */
  PURGE
}
