package io.nats4j.client.internal.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A message delivered by {@code MSG} (no headers) or {@code HMSG} (with headers).
 *
 * <p>Thread-safety: immutable by convention: the arrays are owned by this record once the parser
 * emits it, and nobody writes to them afterwards.
 *
 * @param subject the subject the message was published to
 * @param sid the subscription id the client chose in {@code SUB}
 * @param replyTo the reply subject, or null
 * @param headers the raw header block from {@code NATS/1.0} through the terminating CRLFCRLF
 *     (decode it with {@link HeadersCodec#decode(byte[])}), or null for {@code MSG}
 * @param payload the message body, possibly empty, never null
 */
public record Msg(String subject, long sid, String replyTo, byte[] headers, byte[] payload)
    implements ServerOp {

  /**
   * Creates the op.
   *
   * @param subject never null
   * @param sid the subscription id
   * @param replyTo nullable
   * @param headers nullable
   * @param payload never null
   */
  public Msg {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * Returns the number of bytes the server counted for this message: header block plus payload.
   *
   * @return header length plus payload length
   */
  public int totalSize() {
    return (headers == null ? 0 : headers.length) + payload.length;
  }

  /** Compares array contents, not identities, so ops can be compared in tests and logs. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Msg m
        && sid == m.sid
        && subject.equals(m.subject)
        && Objects.equals(replyTo, m.replyTo)
        && Arrays.equals(headers, m.headers)
        && Arrays.equals(payload, m.payload);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(subject, sid, replyTo);
    return 31 * (31 * h + Arrays.hashCode(headers)) + Arrays.hashCode(payload);
  }

  /** Shows sizes, never the bytes: payloads may be large or confidential. */
  @Override
  public String toString() {
    return "Msg[subject="
        + subject
        + ", sid="
        + sid
        + ", replyTo="
        + replyTo
        + ", headerBytes="
        + (headers == null ? "none" : headers.length)
        + ", payloadBytes="
        + payload.length
        + "]";
  }
}
