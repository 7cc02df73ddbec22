package io.nats4j.jetstream;

/**
 * The answer to a consumer reset (nats-server 2.14, API level 4).
 *
 * <p>Thread-safety: immutable.
 *
 * @param info the consumer after the reset
 * @param resetSequence the stream sequence the consumer will deliver next
 */
public record ConsumerResetResult(ConsumerInfo info, long resetSequence) {}
