package io.nats4j.client.internal.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes a broken or hostile server might send: each must fail with a clear ProtocolException. */
class ProtocolParserNegativeTest {
  private static final int MAX_PAYLOAD = 1 << 20;

  static Stream<Arguments> corpus() {
    return Stream.of(
        bad("over-long MSG line", "MSG " + "a".repeat(16 * 4096) + " 1 1\r\nx\r\n", "longer than"),
        bad("over-long -ERR line", "-ERR '" + "a".repeat(5000) + "'\r\n", "longer than"),
        bad("over-long line without CRLF", "PING" + " ".repeat(5000), "longer than"),
        bad(
            "over-long INFO",
            "INFO {\"a\":\"" + "x".repeat(ProtocolParser.MAX_INFO_LINE) + "\"}\r\n",
            "longer than"),
        bad("huge declared size", "MSG foo 1 99999999999999999999\r\n", "exceeds the bound"),
        bad(
            "size just over the bound",
            "MSG foo 1 " + (MAX_PAYLOAD + 1) + "\r\n",
            "exceeds the bound"),
        bad("huge HMSG total", "HMSG foo 1 12 2147483648\r\n", "exceeds the bound"),
        bad("negative size", "MSG foo 1 -5\r\nhello\r\n", "not a decimal number"),
        bad("non-numeric size", "MSG foo 1 5x\r\nhello\r\n", "not a decimal number"),
        bad("empty-ish size via reply misuse", "MSG foo 1 bar baz\r\n", "not a decimal number"),
        bad(
            "header length > total",
            "HMSG foo 1 20 10\r\nNATS/1.0\r\n\r\n\r\n",
            "exceeds total length"),
        bad("non-numeric header length", "HMSG foo 1 x 10\r\n", "not a decimal number"),
        bad("non-numeric sid", "MSG foo abc 5\r\nhello\r\n", "sid is not a decimal number"),
        bad("negative sid", "MSG foo -1 5\r\nhello\r\n", "sid is not a decimal number"),
        bad("too long sid", "MSG foo 12345678901234567890 5\r\nhello\r\n", "sid is too long"),
        bad("too few MSG args", "MSG foo 5\r\nhello\r\n", "needs 3 or 4 arguments"),
        bad("too many MSG args", "MSG foo 1 a b 5\r\nhello\r\n", "needs 3 or 4 arguments"),
        bad("too few HMSG args", "HMSG foo 1 5\r\nhello\r\n", "needs 4 or 5 arguments"),
        bad("unknown op", "FOO bar\r\n", "unknown op"),
        bad("op glued to args", "MSGfoo 1 1\r\nx\r\n", "unknown op"),
        bad("PING with junk", "PINGX\r\n", "unknown op"),
        bad("PONG with args", "PONG 1\r\n", "unknown op"),
        bad("empty line", "\r\n", "unknown op"),
        bad("truncated op", "PI\r\n", "unknown op"),
        bad("binary garbage", "\u0000\u0001\u00ff\r\n", "unknown op"),
        bad("CR without LF", "PING\rPONG\r\n", "CR not followed by LF"),
        bad("LF without CR", "PING\nPONG\r\n", "LF without CR"),
        bad("missing payload terminator", "MSG foo 1 3\r\nabcdef\r\n", "not followed by CRLF"),
        bad("payload followed by CR only", "MSG foo 1 3\r\nabc\rPING\r\n", "not followed by CRLF"),
        bad(
            "payload shorter than declared",
            "MSG foo 1 8\r\nabc\r\nPING\r\n\r\n",
            "not followed by CRLF"),
        bad("INFO not JSON", "INFO hello\r\n", "not a JSON object"),
        bad("INFO JSON array", "INFO [1,2]\r\n", "not a JSON object"),
        bad("INFO wrong field type", "INFO {\"port\":\"4222\"}\r\n", "'port'"),
        bad("INFO truncated JSON", "INFO {\"server_id\":\"x\"\r\n", "not a JSON object"));
  }

  private static Arguments bad(String name, String stream, String messagePart) {
    return Arguments.of(name, stream.getBytes(ISO_8859_1), messagePart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectedWhenReadWhole(String name, byte[] stream, String messagePart) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> parse(stream, stream.length));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectedWhenReadByteByByte(String name, byte[] stream, String messagePart) {
    if (stream.length > 100_000) {
      return; // the whole-read and chunked variants cover the huge INFO
    }
    ProtocolException e = assertThrows(ProtocolException.class, () -> parse(stream, 1));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void rejectedWhenReadInChunks(String name, byte[] stream, String messagePart) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> parse(stream, 7));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void opsBeforeTheBadOneAreDeliveredAndTheParserStaysDead(
      String name, byte[] stream, String messagePart) {
    byte[] prefix = "PING\r\nMSG ok 1 2\r\nok\r\n".getBytes(ISO_8859_1);
    byte[] all = new byte[prefix.length + stream.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(stream, 0, all, prefix.length, stream.length);
    ProtocolParser parser =
        new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, MAX_PAYLOAD);
    List<ServerOp> ops = new ArrayList<>();
    assertThrows(ProtocolException.class, () -> parser.parse(all, 0, all.length, ops::add));
    assertEquals(Ping.INSTANCE, ops.get(0));
    assertEquals(2, ops.size());
    byte[] ping = "PING\r\n".getBytes(ISO_8859_1);
    ProtocolException dead =
        assertThrows(ProtocolException.class, () -> parser.parse(ping, 0, ping.length, ops::add));
    assertTrue(dead.getMessage().contains("earlier protocol error"), dead.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void tinyPayloadBoundStillFailsWithProtocolException(
      String name, byte[] stream, String messagePart) {
    // A parser with a tiny bound must still reject by bound, never by OutOfMemoryError.
    ProtocolParser parser = new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, 16);
    Throwable t =
        assertThrows(Throwable.class, () -> parser.parse(stream, 0, stream.length, op -> {}));
    assertEquals(ProtocolException.class, t.getClass());
  }

  private static void parse(byte[] stream, int chunk) {
    ProtocolParser parser =
        new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, MAX_PAYLOAD);
    for (int i = 0; i < stream.length; i += chunk) {
      parser.parse(stream, i, Math.min(chunk, stream.length - i), op -> {});
    }
  }
}
