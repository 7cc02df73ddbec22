package io.nats4j.jetstream;

import java.time.Duration;

/**
 * One replica of a clustered stream or consumer.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the server name
 * @param current true if the replica is up to date
 * @param offline true if the replica is offline
 * @param active how long ago the replica was last heard from
 * @param lag how many operations the replica is behind
 * @param peer the peer id
 */
public record PeerInfo(
    String name, boolean current, boolean offline, Duration active, long lag, String peer) {}
