package io.nats4j.jetstream;

/**
 * JetStream API statistics of an account, and the server's API level.
 *
 * <p>Thread-safety: immutable.
 *
 * @param level the server's JetStream API level (ADR-44)
 * @param total requests served
 * @param errors requests that failed
 */
public record ApiStats(int level, long total, long errors) {}
