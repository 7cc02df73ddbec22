package io.nats4j.client.internal.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Encodes client operations straight into a {@link GrowableBuffer}: no intermediate strings on the
 * publish path.
 *
 * <p>Callers validate subjects, queue groups and sizes first ({@link Subjects}, max payload); the
 * writer trusts its arguments so the hot path stays a handful of array copies.
 *
 * <p>Thread-safety: stateless; the buffer passed in must be confined to the calling thread (or
 * guarded by the caller's lock).
 */
public final class ProtocolWriter {
  private static final byte[] PUB = ascii("PUB ");
  private static final byte[] HPUB = ascii("HPUB ");
  private static final byte[] SUB = ascii("SUB ");
  private static final byte[] UNSUB = ascii("UNSUB ");
  private static final byte[] CONNECT = ascii("CONNECT ");
  private static final byte[] PING = ascii("PING\r\n");
  private static final byte[] PONG = ascii("PONG\r\n");
  private static final byte SPACE = ' ';
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private ProtocolWriter() {}

  /**
   * Writes {@code PUB <subject> [reply] <len>\r\n<payload>\r\n}.
   *
   * @param out the buffer to append to
   * @param subject the validated subject bytes
   * @param replyTo the validated reply subject bytes, or null
   * @param payload the payload array
   * @param off where the payload starts in {@code payload}
   * @param len the payload length
   */
  public static void pub(
      GrowableBuffer out, byte[] subject, byte[] replyTo, byte[] payload, int off, int len) {
    out.ensureSpare(subject.length + (replyTo == null ? 0 : replyTo.length) + len + 24);
    out.write(PUB);
    out.write(subject);
    out.write(SPACE);
    if (replyTo != null) {
      out.write(replyTo);
      out.write(SPACE);
    }
    out.writeDecimal(len);
    out.write(CR);
    out.write(LF);
    out.write(payload, off, len);
    out.write(CR);
    out.write(LF);
  }

  /**
   * Writes {@code HPUB <subject> [reply] <hdr_len> <total_len>\r\n<headers><payload>\r\n}.
   *
   * @param out the buffer to append to
   * @param subject the validated subject bytes
   * @param replyTo the validated reply subject bytes, or null
   * @param headerBlock the encoded headers from {@link HeadersCodec#encode}, ending in CRLFCRLF
   * @param payload the payload array
   * @param off where the payload starts in {@code payload}
   * @param len the payload length
   */
  public static void hpub(
      GrowableBuffer out,
      byte[] subject,
      byte[] replyTo,
      byte[] headerBlock,
      byte[] payload,
      int off,
      int len) {
    out.ensureSpare(
        subject.length + (replyTo == null ? 0 : replyTo.length) + headerBlock.length + len + 40);
    out.write(HPUB);
    out.write(subject);
    out.write(SPACE);
    if (replyTo != null) {
      out.write(replyTo);
      out.write(SPACE);
    }
    out.writeDecimal(headerBlock.length);
    out.write(SPACE);
    out.writeDecimal((long) headerBlock.length + len);
    out.write(CR);
    out.write(LF);
    out.write(headerBlock);
    out.write(payload, off, len);
    out.write(CR);
    out.write(LF);
  }

  /**
   * Writes {@code SUB <subject> [queue] <sid>\r\n}.
   *
   * @param out the buffer to append to
   * @param subject the validated subject
   * @param queueGroup the validated queue group, or null
   * @param sid the subscription id
   */
  public static void sub(GrowableBuffer out, String subject, String queueGroup, long sid) {
    out.write(SUB);
    out.writeAscii(subject);
    out.write(SPACE);
    if (queueGroup != null) {
      out.writeAscii(queueGroup);
      out.write(SPACE);
    }
    out.writeDecimal(sid);
    out.write(CR);
    out.write(LF);
  }

  /**
   * Writes {@code UNSUB <sid> [max]\r\n}.
   *
   * @param out the buffer to append to
   * @param sid the subscription id
   * @param max unsubscribe after this many more messages; {@code <= 0} unsubscribes at once
   */
  public static void unsub(GrowableBuffer out, long sid, long max) {
    out.write(UNSUB);
    out.writeDecimal(sid);
    if (max > 0) {
      out.write(SPACE);
      out.writeDecimal(max);
    }
    out.write(CR);
    out.write(LF);
  }

  /**
   * Writes {@code CONNECT <json>\r\n}.
   *
   * @param out the buffer to append to
   * @param request the connect options
   */
  public static void connect(GrowableBuffer out, ConnectRequest request) {
    out.write(CONNECT);
    out.write(request.toJson().getBytes(StandardCharsets.UTF_8));
    out.write(CR);
    out.write(LF);
  }

  /**
   * Writes {@code PING\r\n}.
   *
   * @param out the buffer to append to
   */
  public static void ping(GrowableBuffer out) {
    out.write(PING);
  }

  /**
   * Writes {@code PONG\r\n}.
   *
   * @param out the buffer to append to
   */
  public static void pong(GrowableBuffer out) {
    out.write(PONG);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
