package io.nats4j.jetstream;

/**
 * Another copy of a stream (a mirror) that can serve reads.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the stream name
 * @param domain the JetStream domain
 * @param cluster the cluster
 */
public record StreamAlternate(String name, String domain, String cluster) {}
