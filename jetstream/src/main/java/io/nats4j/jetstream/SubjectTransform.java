package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A subject transform: messages matching {@code source} get the subject built from {@code
 * destination} (ADR-30/36), e.g. {@code new SubjectTransform("orders.*",
 * "eu.orders.{{wildcard(1)}}")}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param source the subject filter to match ({@code src})
 * @param destination the subject to map to ({@code dest})
 */
public record SubjectTransform(
    @JsonProperty("src") String source, @JsonProperty("dest") String destination) {}
