package io.nats4j.jetstream;

/**
 * The JetStream limits of an account (or of one tier).
 *
 * <p>Thread-safety: immutable.
 *
 * @param maxMemory memory storage limit in bytes, -1 for unlimited
 * @param maxStorage file storage limit in bytes, -1 for unlimited
 * @param maxStreams the most streams, -1 for unlimited
 * @param maxConsumers the most consumers, -1 for unlimited
 * @param maxAckPending the largest max ack pending, -1 for unlimited
 * @param memoryMaxStreamBytes the largest memory stream, -1 for unlimited
 * @param storageMaxStreamBytes the largest file stream, -1 for unlimited
 * @param maxBytesRequired true if streams must set max bytes
 */
public record AccountLimits(
    long maxMemory,
    long maxStorage,
    long maxStreams,
    long maxConsumers,
    long maxAckPending,
    long memoryMaxStreamBytes,
    long storageMaxStreamBytes,
    boolean maxBytesRequired) {}
