package io.nats4j.jetstream.internal.consume;

import java.time.Duration;

/**
 * The JSON body of {@code $JS.API.CONSUMER.MSG.NEXT.<stream>.<consumer>} (ADR-13, ADR-37, ADR-42).
 * Zero and null fields are left out by the mapper, so older servers never see priority fields that
 * are not set.
 */
record PullRequest(
    long batch,
    long maxBytes,
    Duration expires,
    boolean noWait,
    Duration idleHeartbeat,
    String group,
    long minPending,
    long minAckPending,
    String id,
    int priority) {}
