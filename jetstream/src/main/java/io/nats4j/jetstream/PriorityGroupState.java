package io.nats4j.jetstream;

import java.time.Instant;

/**
 * The state of one priority group of a pull consumer (ADR-42).
 *
 * <p>Thread-safety: immutable.
 *
 * @param group the group name
 * @param pinnedClientId the id of the pinned client, null if none
 * @param pinnedTs when the client was pinned, null if none
 */
public record PriorityGroupState(String group, String pinnedClientId, Instant pinnedTs) {}
