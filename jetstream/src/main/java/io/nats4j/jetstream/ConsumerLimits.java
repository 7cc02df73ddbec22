package io.nats4j.jetstream;

import java.time.Duration;

/**
 * Defaults and caps a stream imposes on its consumers.
 *
 * <p>Thread-safety: immutable.
 *
 * @param inactiveThreshold the longest inactive threshold a consumer may have, null for none
 * @param maxAckPending the largest max ack pending a consumer may have, 0 for none
 */
public record ConsumerLimits(Duration inactiveThreshold, long maxAckPending) {}
