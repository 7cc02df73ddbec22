package io.nats4j.client;

/**
 * Counters of one connection since it was created, as returned by {@link Connection#statistics()}.
 *
 * <p>Thread-safety: immutable snapshot.
 *
 * @param inMessages messages received (MSG and HMSG), including dropped ones
 * @param inBytes payload plus header bytes received
 * @param outMessages messages published
 * @param outBytes payload plus header bytes published
 * @param reconnects successful reconnects
 * @param droppedMessages messages dropped because a subscription was over its pending limits
 */
public record Statistics(
    long inMessages,
    long inBytes,
    long outMessages,
    long outBytes,
    long reconnects,
    long droppedMessages) {}
