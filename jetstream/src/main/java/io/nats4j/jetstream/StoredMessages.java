package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.jetstream.internal.ApiRecords;
import io.nats4j.jetstream.internal.Rfc3339;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Builds {@link StoredMessage}s from {@code STREAM.MSG.GET} JSON and from Direct Get replies.
 *
 * <p>Thread-safety: stateless.
 */
final class StoredMessages {
  /** Direct Get header: the stream. */
  static final String STREAM = "Nats-Stream";

  /** Direct Get header: the original subject. */
  static final String SUBJECT = "Nats-Subject";

  /** Direct Get header: the sequence. */
  static final String SEQUENCE = "Nats-Sequence";

  /** Direct Get header: the store time. */
  static final String TIME_STAMP = "Nats-Time-Stamp";

  /** Direct Get batch header: messages still pending. */
  static final String NUM_PENDING = "Nats-Num-Pending";

  /** Direct Get batch header: the last sequence looked at. */
  static final String LAST_SEQUENCE = "Nats-Last-Sequence";

  /** Direct Get multi-last header: the sequence the answer is consistent with. */
  static final String UP_TO_SEQUENCE = "Nats-UpTo-Sequence";

  private StoredMessages() {}

  /**
   * Converts the message of a {@code STREAM.MSG.GET} answer.
   *
   * @param stream the stream asked
   * @param m the decoded JSON message
   * @return the stored message
   */
  static StoredMessage fromApi(String stream, ApiRecords.ApiStoredMessage m) {
    Headers headers = m.hdrs() == null ? new Headers().readOnly() : parseBlock(m.hdrs());
    byte[] data = m.data() == null ? new byte[0] : m.data();
    return new StoredMessage(stream, m.subject(), m.seq(), m.time(), headers, data);
  }

  /**
   * Converts a Direct Get reply, turning a 404 status into the API's "no message found" error.
   *
   * @param reply the reply
   * @return the stored message
   * @throws JetStreamApiException with {@link JetStreamApiException#NO_MESSAGE_FOUND} on 404
   */
  static StoredMessage fromDirect(Message reply) {
    int status = reply.statusCode();
    if (status == 404) {
      throw new JetStreamApiException(
          new ApiError(404, JetStreamApiException.NO_MESSAGE_FOUND, "no message found"));
    }
    if (status != 0) {
      String description = reply.headers() == null ? null : reply.headers().statusDescription();
      throw new JetStreamException(
          "Direct Get failed with status "
              + status
              + (description == null ? "" : " " + description));
    }
    Headers h = reply.headers();
    if (h == null || h.first(SEQUENCE) == null) {
      throw new JetStreamException("the Direct Get reply has no " + SEQUENCE + " header");
    }
    return new StoredMessage(
        h.first(STREAM),
        h.first(SUBJECT),
        Long.parseLong(h.first(SEQUENCE)),
        parseTime(h.first(TIME_STAMP)),
        h,
        reply.data());
  }

  private static Instant parseTime(String text) {
    return text == null ? null : Rfc3339.parse(text);
  }

  /**
   * Parses a raw header block ({@code NATS/1.0\r\nKey: value\r\n\r\n}) as read-only headers.
   *
   * @param block the bytes
   * @return the headers
   */
  static Headers parseBlock(byte[] block) {
    String text = new String(block, StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    Headers headers = new Headers();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return headers.readOnly();
  }
}
