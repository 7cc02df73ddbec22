package io.nats4j.jetstream;

/**
 * Usage and limits of one tier (e.g. R1, R3) of an account.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memory memory storage used in bytes
 * @param storage file storage used in bytes
 * @param reservedMemory memory reserved by streams with max bytes
 * @param reservedStorage file storage reserved by streams with max bytes
 * @param streams the stream count
 * @param consumers the consumer count
 * @param limits the tier's limits
 */
public record AccountTier(
    long memory,
    long storage,
    long reservedMemory,
    long reservedStorage,
    long streams,
    long consumers,
    AccountLimits limits) {}
