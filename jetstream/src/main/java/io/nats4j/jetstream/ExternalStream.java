package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Qualifies a mirrored or sourced stream that lives in another account or JetStream domain.
 *
 * <p>Thread-safety: immutable.
 *
 * @param apiPrefix the JetStream API prefix of the other account or domain ({@code api}), e.g.
 *     {@code $JS.hub.API}
 * @param deliverPrefix the subject prefix the messages are delivered on ({@code deliver})
 */
public record ExternalStream(
    @JsonProperty("api") String apiPrefix, @JsonProperty("deliver") String deliverPrefix) {}
