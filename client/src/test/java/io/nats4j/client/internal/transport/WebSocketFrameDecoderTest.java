package io.nats4j.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every input is decoded whole, byte by byte, and split at every position: same events. */
class WebSocketFrameDecoderTest {

  /** Records events as text, data merged per message. */
  static final class Events implements WebSocketFrameDecoder.Handler {
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();

    @Override
    public void messageStart(boolean compressed) {
      events.add(compressed ? "start(z)" : "start");
    }

    @Override
    public void data(byte[] bytes, int off, int len) {
      data.write(bytes, off, len);
    }

    @Override
    public void messageEnd() {
      events.add("data(" + data.toString(StandardCharsets.ISO_8859_1) + ")");
      data.reset();
      events.add("end");
    }

    @Override
    public void ping(byte[] payload) {
      events.add("ping(" + new String(payload, StandardCharsets.ISO_8859_1) + ")");
    }

    @Override
    public void close(int code, String reason) {
      events.add("close(" + code + "," + reason + ")");
    }
  }

  private static final long MAX = 1024;

  static byte[] frame(int b0, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b0);
    int n = payload.length;
    if (n < 126) {
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(126);
      out.write(n >>> 8);
      out.write(n);
    } else {
      out.write(127);
      for (int s = 56; s >= 0; s -= 8) {
        out.write((int) ((long) n >>> s));
      }
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * Decodes {@code input} whole, byte by byte and at every split; all must give the same events.
   */
  static List<String> decodeAllWays(byte[] input, boolean compression) {
    List<String> whole = decode(input, compression, input.length);
    assertEquals(whole, decode(input, compression, 1), "byte by byte");
    for (int split = 1; split < input.length; split++) {
      Events e = new Events();
      WebSocketFrameDecoder d = new WebSocketFrameDecoder(compression, MAX);
      d.decode(input, 0, split, e);
      d.decode(input, split, input.length - split, e);
      assertEquals(whole, e.events, "split at " + split);
    }
    return whole;
  }

  static List<String> decode(byte[] input, boolean compression, int step) {
    Events e = new Events();
    WebSocketFrameDecoder d = new WebSocketFrameDecoder(compression, MAX);
    for (int i = 0; i < input.length; i += step) {
      d.decode(input, i, Math.min(step, input.length - i), e);
    }
    return e.events;
  }

  /** The error must come whatever the split, with the message expected. */
  static void assertRejected(byte[] input, boolean compression, String expected) {
    for (int step : new int[] {1, 2, 3, input.length}) {
      ProtocolException e =
          assertThrows(ProtocolException.class, () -> decode(input, compression, step));
      assertTrue(e.getMessage().contains(expected), e.getMessage());
      assertTrue(e.getMessage().startsWith("WebSocket protocol error"), e.getMessage());
    }
  }

  @Test
  void decodesBinaryAndTextMessagesOfEveryLengthEncoding() {
    byte[] medium = ascii("m".repeat(300));
    byte[] input =
        concat(
            frame(0x82, ascii("PING\r\n")),
            frame(0x81, ascii("+OK\r\n")),
            frame(0x82, medium),
            frame(0x82, new byte[0]));
    assertEquals(
        List.of(
            "start",
            "data(PING\r\n)",
            "end",
            "start",
            "data(+OK\r\n)",
            "end",
            "start",
            "data(" + "m".repeat(300) + ")",
            "end",
            "start",
            "data()",
            "end"),
        decodeAllWays(input, false));
  }

  @Test
  void decodesA64BitLength() {
    byte[] header = {(byte) 0x82, 127, 0, 0, 0, 0, 0, 0, 0, 3};
    assertEquals(
        List.of("start", "data(abc)", "end"), decodeAllWays(concat(header, ascii("abc")), false));
  }

  @Test
  void reassemblesFragmentsWithControlFramesBetweenThem() {
    byte[] input =
        concat(
            frame(0x02, ascii("MSG a 1 ")),
            frame(0x89, ascii("hi")), // ping between fragments
            frame(0x00, ascii("5\r\n")),
            frame(0x8A, ascii("pong")), // unsolicited pong: ignored
            frame(0x80, ascii("hello\r\n")));
    assertEquals(
        List.of("start", "ping(hi)", "data(MSG a 1 5\r\nhello\r\n)", "end"),
        decodeAllWays(input, false));
  }

  @Test
  void reportsCloseCodeAndReasonAndIgnoresWhatFollows() {
    byte[] reason = "bye \u00e9".getBytes(StandardCharsets.UTF_8);
    byte[] body = concat(new byte[] {0x03, (byte) 0xE9}, reason); // 1001
    assertEquals(
        List.of("close(1001,bye \u00e9)"),
        decodeAllWays(concat(frame(0x88, body), frame(0x82, ascii("late"))), false));
    assertEquals(List.of("close(1005,)"), decodeAllWays(frame(0x88, new byte[0]), false));
    assertEquals(
        List.of("close(4000,)"), decodeAllWays(frame(0x88, new byte[] {0x0F, (byte) 0xA0}), false));
  }

  @Test
  void flagsCompressedMessagesOnlyWhenNegotiated() {
    byte[] input = concat(frame(0x42, ascii("zz")), frame(0x80, ascii("z")));
    assertEquals(List.of("start(z)", "data(zzz)", "end"), decodeAllWays(input, true));
    assertRejected(frame(0xC2, ascii("zz")), false, "RSV1 but compression");
  }

  @Test
  void rejectsReservedBits() {
    assertRejected(frame(0xA2, ascii("x")), true, "RSV2 or RSV3");
    assertRejected(frame(0x92, ascii("x")), true, "RSV2 or RSV3");
    assertRejected(frame(0xC9, new byte[0]), true, "RSV1 on a control frame");
    assertRejected(
        concat(frame(0x42, ascii("a")), frame(0xC0, ascii("b"))), true, "RSV1 on a continuation");
  }

  @Test
  void rejectsUnknownOpcodes() {
    for (int op : new int[] {0x3, 0x7, 0xB, 0xF}) {
      assertRejected(
          frame(0x80 | op, ascii("x")), false, "unknown opcode 0x" + Integer.toHexString(op));
    }
  }

  @Test
  void rejectsAMaskedServerFrame() {
    byte[] masked = {(byte) 0x82, (byte) 0x81, 1, 2, 3, 4, 'x'};
    assertRejected(masked, false, "masked frame");
  }

  @Test
  void rejectsLengthsOver2To63AndOverTheBound() {
    byte[] huge = {(byte) 0x82, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1};
    assertRejected(huge, false, "over 2^63");
    byte[] big = {(byte) 0x82, 127, 0, 0, 0, 0, 0, 0, 0x10, 0}; // 4096 > MAX
    assertRejected(big, false, "more than 1024 bytes");
    // fragments count together
    byte[] fragments = concat(frame(0x02, new byte[600]), frame(0x80, new byte[600]));
    assertRejected(fragments, false, "more than 1024 bytes");
  }

  @Test
  void rejectsBadControlFrames() {
    assertRejected(frame(0x89, new byte[126]), false, "control frame of 126 bytes");
    assertRejected(frame(0x09, ascii("x")), false, "fragmented a control frame");
  }

  @Test
  void rejectsBadFragmentation() {
    assertRejected(frame(0x80, ascii("x")), false, "continuation frame without a message");
    assertRejected(
        concat(frame(0x02, ascii("a")), frame(0x82, ascii("b"))), false, "new message inside");
  }

  @Test
  void rejectsBadCloseFrames() {
    assertRejected(frame(0x88, new byte[] {0x03}), false, "one-byte body");
    for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1100, 2999, 5000}) {
      assertRejected(
          frame(0x88, new byte[] {(byte) (code >>> 8), (byte) code}), false, "close code " + code);
    }
    byte[] badUtf8 = {0x03, (byte) 0xE8, (byte) 0xC3, 0x28};
    assertRejected(frame(0x88, badUtf8), false, "not UTF-8");
  }

  @Test
  void validCloseCodesFollowRfc6455() {
    for (int code : new int[] {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 4999}) {
      assertTrue(WebSocketFrameDecoder.validCloseCode(code), String.valueOf(code));
    }
  }
}
