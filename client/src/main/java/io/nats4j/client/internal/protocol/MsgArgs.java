package io.nats4j.client.internal.protocol;

import static io.nats4j.client.internal.protocol.OpText.printable;

import io.nats4j.client.ProtocolException;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The arguments of the last {@code MSG} or {@code HMSG} line: {@code subject sid [reply] [hdr_len]
 * total_len}, checked against the size bounds before anything is allocated for the payload. Keeps
 * the last subject's {@code String}, since most messages on a connection repeat a few subjects.
 *
 * <p>Thread-safety: none; owned by one {@link ProtocolParser}.
 */
final class MsgArgs {
  private static final int MAX_ARGS = 5;
  private static final int MAX_SID_DIGITS = 18;

  private int maxPayloadBound;
  private LongSupplier replySid = () -> -1;

  // Tokens of the line being parsed (start inclusive, end exclusive).
  private final int[] argStart = new int[MAX_ARGS];
  private final int[] argEnd = new int[MAX_ARGS];

  private byte[] lastSubjectBytes = new byte[0];
  private String lastSubject = "";

  String subject;
  long sid;
  String replyTo;
  int headerLength = -1; // -1 for MSG
  int totalLength;

  MsgArgs(int maxPayloadBound) {
    this.maxPayloadBound = maxPayloadBound;
  }

  void maxPayloadBound(int bound) {
    this.maxPayloadBound = bound;
  }

  void replySid(LongSupplier sid) {
    this.replySid = sid;
  }

  void clear() {
    subject = null;
    replyTo = null;
    headerLength = -1;
    totalLength = 0;
  }

  /** Parses the arguments in {@code line[from, le)}, after the op name. */
  void parse(byte[] line, int from, int le, boolean withHeaders) {
    int count = tokenize(line, from, le);
    int min = withHeaders ? 4 : 3;
    if (count < min || count > min + 1) {
      throw new ProtocolException(
          "protocol error: "
              + (withHeaders ? "HMSG" : "MSG")
              + " needs "
              + min
              + " or "
              + (min + 1)
              + " arguments, got "
              + count
              + ": "
              + printable(line, argStart[0], le));
    }
    subject = subject(line, argStart[0], argEnd[0]);
    sid = parseSid(line, argStart[1], argEnd[1]);
    boolean hasReply = count == min + 1;
    replyTo = hasReply ? OpText.decode(line, argStart[2], argEnd[2]) : null;
    int sizeArg = hasReply ? 3 : 2;
    if (withHeaders) {
      headerLength = parseSize(line, argStart[sizeArg], argEnd[sizeArg], "header length");
      totalLength = parseSize(line, argStart[sizeArg + 1], argEnd[sizeArg + 1], "total length");
      checkBound(totalLength, line, argStart[sizeArg + 1], argEnd[sizeArg + 1], "total length");
      if (headerLength > totalLength) {
        throw new ProtocolException(
            "protocol error: HMSG header length "
                + headerLength
                + " exceeds total length "
                + totalLength);
      }
    } else {
      headerLength = -1;
      totalLength = parseSize(line, argStart[sizeArg], argEnd[sizeArg], "payload size");
      checkBound(totalLength, line, argStart[sizeArg], argEnd[sizeArg], "payload size");
    }
  }

  private int tokenize(byte[] line, int from, int le) {
    int count = 0;
    int i = from;
    while (true) {
      i = OpText.skipBlanks(line, i, le);
      if (i == le) {
        return count;
      }
      if (count == MAX_ARGS) {
        return MAX_ARGS + 1;
      }
      argStart[count] = i;
      i = ByteScan.blank(line, i, le);
      argEnd[count++] = i;
    }
  }

  /** Sizes were parsed against the loosest bound; all but request replies meet the tight one. */
  private void checkBound(int size, byte[] b, int s, int e, String what) {
    if (size > maxPayloadBound && sid != replySid.getAsLong()) {
      throw tooLarge(
          what,
          b,
          s,
          e,
          maxPayloadBound
              + " bytes (the server's max_payload plus "
              + ProtocolParser.SERVER_HEADER_ALLOWANCE
              + " for its headers)");
    }
  }

  private int parseSize(byte[] b, int s, int e, String what) {
    long v = 0;
    long bound = Math.max(maxPayloadBound, ProtocolParser.REPLY_BOUND);
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new ProtocolException(
            "protocol error: " + what + " is not a decimal number: " + printable(b, s, e));
      }
      v = v * 10 + d;
      if (v > bound) {
        throw tooLarge(what, b, s, e, bound + " bytes");
      }
    }
    return (int) v;
  }

  private static ProtocolException tooLarge(String what, byte[] b, int s, int e, String bound) {
    return new ProtocolException(
        "protocol error: declared "
            + what
            + " "
            + printable(b, s, e)
            + " exceeds the bound of "
            + bound);
  }

  private static long parseSid(byte[] b, int s, int e) {
    if (e - s > MAX_SID_DIGITS) {
      throw new ProtocolException("protocol error: sid is too long: " + printable(b, s, e));
    }
    long v = 0;
    for (int i = s; i < e; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw new ProtocolException(
            "protocol error: sid is not a decimal number: " + printable(b, s, e));
      }
      v = v * 10 + d;
    }
    return v;
  }

  private String subject(byte[] b, int s, int e) {
    int n = e - s;
    if (n == lastSubjectBytes.length && Arrays.equals(b, s, e, lastSubjectBytes, 0, n)) {
      return lastSubject;
    }
    String decoded = OpText.decode(b, s, e);
    lastSubjectBytes = Arrays.copyOfRange(b, s, e);
    lastSubject = decoded;
    return decoded;
  }
}
