package io.nats4j.jetstream;

/**
 * Republishes every stored message to another subject (ADR-28).
 *
 * <p>Thread-safety: immutable.
 *
 * @param src the subject filter of stored messages to republish, null for all
 * @param dest the destination subject (may use transform functions)
 * @param headersOnly true to republish the headers (and the size) without the payload
 */
public record Republish(String src, String dest, boolean headersOnly) {}
