package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import java.time.Instant;

/**
 * A message read from a stream by sequence or subject, through the API or Direct Get.
 *
 * <p>Thread-safety: immutable except that {@code data} is the array as received; do not modify it
 * if the message is shared.
 *
 * @param stream the stream
 * @param subject the subject the message was published to
 * @param seq its sequence in the stream
 * @param time when the stream stored it
 * @param headers its headers (read-only; empty if none); Direct Get adds {@code Nats-Stream},
 *     {@code Nats-Subject}, {@code Nats-Sequence}, {@code Nats-Time-Stamp}
 * @param data the payload
 */
public record StoredMessage(
    String stream, String subject, long seq, Instant time, Headers headers, byte[] data) {}
