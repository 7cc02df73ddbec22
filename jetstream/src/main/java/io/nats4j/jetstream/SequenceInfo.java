package io.nats4j.jetstream;

import java.time.Instant;

/**
 * A consumer's position: the consumer sequence and the matching stream sequence.
 *
 * <p>Thread-safety: immutable.
 *
 * @param consumerSeq the consumer sequence
 * @param streamSeq the stream sequence
 * @param lastActive when the position last moved, null if never
 */
public record SequenceInfo(long consumerSeq, long streamSeq, Instant lastActive) {}
