package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;

/**
 * The answer to pausing or resuming a consumer.
 *
 * <p>Thread-safety: immutable.
 *
 * @param paused true if the consumer is now paused
 * @param pauseUntil until when, null when resumed
 * @param pauseRemaining how long the pause still lasts, null when resumed
 */
public record ConsumerPauseInfo(boolean paused, Instant pauseUntil, Duration pauseRemaining) {}
