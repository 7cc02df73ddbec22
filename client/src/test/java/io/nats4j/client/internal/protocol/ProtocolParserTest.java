package io.nats4j.client.internal.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProtocolParserTest {
  private static final int MAX_PAYLOAD = 1 << 20;

  static final String INFO_JSON =
      "{\"server_id\":\"NCXYZ\",\"server_name\":\"n1\",\"version\":\"2.15.2\",\"proto\":1,"
          + "\"go\":\"go1.26.8\",\"host\":\"0.0.0.0\",\"port\":4222,\"headers\":true,"
          + "\"max_payload\":1048576,\"client_id\":7,\"client_ip\":\"127.0.0.1\","
          + "\"auth_required\":true,\"nonce\":\"n0nc3-s3cr3t\",\"cluster\":\"c1\","
          + "\"connect_urls\":[\"10.0.0.2:4222\",\"[fd00::2]:4222\"],\"ldm\":true,\"api_lvl\":5}";

  /** A recorded server byte stream and the ops it must produce, in order. */
  record Recording(byte[] bytes, List<ServerOp> ops) {}

  static Recording corpus() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ServerOp> ops = new ArrayList<>();
    write(out, "INFO " + INFO_JSON + "\r\n");
    ops.add(Info.fromJson(INFO_JSON));
    write(out, "MSG foo 1 5\r\nhello\r\n");
    ops.add(new Msg("foo", 1, null, null, bytes("hello")));
    write(out, "MSG foo.bar 2 _INBOX.abc.1 0\r\n\r\n");
    ops.add(new Msg("foo.bar", 2, "_INBOX.abc.1", null, new byte[0]));
    write(out, "msg payload.crlf 3 6\r\n\r\nab\r\n\r\n");
    ops.add(new Msg("payload.crlf", 3, null, null, bytes("\r\nab\r\n")));
    write(out, "PING\r\n");
    ops.add(Ping.INSTANCE);
    write(out, "HMSG foo 4 12 17\r\nNATS/1.0\r\n\r\nhello\r\n");
    ops.add(new Msg("foo", 4, null, bytes("NATS/1.0\r\n\r\n"), bytes("hello")));
    write(out, "HMSG _INBOX.x.y 5 16 16\r\nNATS/1.0 503\r\n\r\n\r\n");
    ops.add(new Msg("_INBOX.x.y", 5, null, bytes("NATS/1.0 503\r\n\r\n"), new byte[0]));
    String hb = "NATS/1.0 100 Idle Heartbeat\r\nNats-Last-Consumer: 7\r\n\r\n";
    write(out, "HMSG hb.sub 6 rep.ly " + hb.length() + " " + hb.length() + "\r\n" + hb + "\r\n");
    ops.add(new Msg("hb.sub", 6, "rep.ly", bytes(hb), new byte[0]));
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    write(out, "MSG bin 7 256\r\n");
    out.writeBytes(binary);
    write(out, "\r\n");
    ops.add(new Msg("bin", 7, null, null, binary));
    write(out, "PONG\r\n+OK\r\n");
    ops.add(Pong.INSTANCE);
    ops.add(Ok.INSTANCE);
    write(out, "-ERR 'Permissions Violation for Subscription to \"foo\"'\r\n");
    ops.add(new Err("Permissions Violation for Subscription to \"foo\""));
    write(out, "MSG\tfoo\t8\t3\r\nabc\r\n");
    ops.add(new Msg("foo", 8, null, null, bytes("abc")));
    write(out, "MSG  spaced   9  r  2\r\nxy\r\n");
    ops.add(new Msg("spaced", 9, "r", null, bytes("xy")));
    write(out, "ping\r\npong\r\n+ok\r\n");
    ops.add(Ping.INSTANCE);
    ops.add(Pong.INSTANCE);
    ops.add(Ok.INSTANCE);
    String multi = "NATS/1.0\r\nA: 1\r\nA: 2\r\nB: x:y\r\n\r\n";
    write(out, "hmsg with.header.payload 10 _R_.1 " + multi.length() + " " + (multi.length() + 6));
    write(out, "\r\n" + multi + "\r\nwith\r\n");
    ops.add(new Msg("with.header.payload", 10, "_R_.1", bytes(multi), bytes("\r\nwith")));
    out.writeBytes("MSG ünï.cödé 11 2\r\nok\r\n".getBytes(UTF_8));
    ops.add(new Msg("ünï.cödé", 11, null, null, bytes("ok")));
    write(out, "-ERR 'Stale Connection'\r\n");
    ops.add(new Err("Stale Connection"));
    String ldm = "{\"server_id\":\"NCXYZ\",\"ldm\":true,\"connect_urls\":[]}";
    write(out, "INFO " + ldm + "\r\n");
    ops.add(Info.fromJson(ldm));
    byte[] big = new byte[70_000];
    new Random(1).nextBytes(big);
    write(out, "MSG big 12 70000\r\n");
    out.writeBytes(big);
    write(out, "\r\n");
    ops.add(new Msg("big", 12, null, null, big));
    write(out, "MSG foo 9223372036854775 1\r\nz\r\n");
    ops.add(new Msg("foo", 9223372036854775L, null, null, bytes("z")));
    return new Recording(out.toByteArray(), ops);
  }

  @Test
  void parsesRecordedStreamInOneRead() {
    Recording r = corpus();
    assertEquals(r.ops(), parseWhole(r.bytes()));
  }

  @Test
  void everySplitPointYieldsTheSameOps() {
    Recording r = corpus();
    byte[] b = r.bytes();
    for (int split = 0; split <= b.length; split++) {
      List<ServerOp> ops = new ArrayList<>();
      ProtocolParser parser = newParser();
      parser.parse(b, 0, split, ops::add);
      parser.parse(b, split, b.length - split, ops::add);
      if (!r.ops().equals(ops)) {
        assertEquals(r.ops(), ops, "split at " + split);
      }
    }
  }

  @Test
  void everyPairOfSplitPointsInASmallStreamYieldsTheSameOps() {
    byte[] b =
        bytes("MSG a 1 r 3\r\nabc\r\nHMSG b 2 12 14\r\nNATS/1.0\r\n\r\nhi\r\nPING\r\n-ERR 'x'\r\n");
    List<ServerOp> expected = parseWhole(b);
    assertEquals(4, expected.size());
    for (int i = 0; i <= b.length; i++) {
      for (int j = i; j <= b.length; j++) {
        List<ServerOp> ops = new ArrayList<>();
        ProtocolParser parser = newParser();
        parser.parse(b, 0, i, ops::add);
        parser.parse(b, i, j - i, ops::add);
        parser.parse(b, j, b.length - j, ops::add);
        assertEquals(expected, ops, "splits at " + i + " and " + j);
      }
    }
  }

  @Test
  void oneByteChunksYieldTheSameOps() {
    Recording r = corpus();
    byte[] b = r.bytes();
    List<ServerOp> ops = new ArrayList<>();
    ProtocolParser parser = newParser();
    byte[] one = new byte[1];
    for (byte x : b) {
      one[0] = x; // a fresh copy each time proves the parser keeps no reference into our buffer
      parser.parse(one, 0, 1, ops::add);
    }
    assertEquals(r.ops(), ops);
  }

  @Test
  void randomChunkingsYieldTheSameOps() {
    Recording r = corpus();
    byte[] b = r.bytes();
    Random random = new Random(42);
    for (int run = 0; run < 300; run++) {
      List<ServerOp> ops = new ArrayList<>();
      ProtocolParser parser = newParser();
      int pos = 0;
      while (pos < b.length) {
        int n = Math.min(b.length - pos, random.nextInt(run % 2 == 0 ? 16 : 9000) + 1);
        // copy into a bigger array at a random offset, as a reused read buffer would look
        int offset = random.nextInt(8);
        byte[] chunk = new byte[offset + n + random.nextInt(8)];
        System.arraycopy(b, pos, chunk, offset, n);
        parser.parse(chunk, offset, n, ops::add);
        pos += n;
      }
      assertEquals(r.ops(), ops, "run " + run);
    }
  }

  @Test
  void msgFieldsAreDecoded() {
    List<ServerOp> ops = parseWhole(bytes("HMSG s.t 42 re.ply 12 15\r\nNATS/1.0\r\n\r\nabc\r\n"));
    Msg m = (Msg) ops.get(0);
    assertEquals("s.t", m.subject());
    assertEquals(42, m.sid());
    assertEquals("re.ply", m.replyTo());
    assertArrayEquals(bytes("NATS/1.0\r\n\r\n"), m.headers());
    assertArrayEquals(bytes("abc"), m.payload());
    assertEquals(15, m.totalSize());
  }

  @Test
  void msgWithoutHeadersHasNullHeaders() {
    Msg m = (Msg) parseWhole(bytes("MSG a 1 0\r\n\r\n")).get(0);
    assertNull(m.headers());
    assertEquals(0, m.payload().length);
  }

  @Test
  void errTextIsUnquoted() {
    assertEquals(
        new Err("Authorization Violation"),
        parseWhole(bytes("-ERR 'Authorization Violation'\r\n")).get(0));
    assertEquals(new Err("unquoted text"), parseWhole(bytes("-ERR unquoted text \r\n")).get(0));
    assertEquals(new Err(""), parseWhole(bytes("-ERR\r\n")).get(0));
  }

  @Test
  void infoCarriesNonceOutsideServerInfo() {
    Info info = (Info) parseWhole(bytes("INFO " + INFO_JSON + "\r\n")).get(0);
    assertEquals("n0nc3-s3cr3t", info.nonce());
    assertEquals(List.of("10.0.0.2:4222", "[fd00::2]:4222"), info.info().connectUrls());
    assertTrue(info.info().lameDuckMode());
    assertEquals(5, info.info().apiLevel());
    assertFalse(info.toString().contains("n0nc3"), info.toString());
    assertFalse(info.info().toString().contains("n0nc3"), info.info().toString());
  }

  @Test
  void repeatedSubjectsShareOneString() {
    List<ServerOp> ops =
        parseWhole(bytes("MSG same.subject 1 1\r\na\r\nMSG same.subject 1 1\r\nb\r\n"));
    assertSame(((Msg) ops.get(0)).subject(), ((Msg) ops.get(1)).subject());
  }

  @Test
  void infoLinesMayExceedTheControlLineLimit() {
    StringBuilder urls = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      urls.append(i == 0 ? "" : ",")
          .append("\"10.0.")
          .append(i / 250)
          .append('.')
          .append(i % 250)
          .append(":4222\"");
    }
    String json = "{\"server_id\":\"S\",\"connect_urls\":[" + urls + "]}";
    assertTrue(json.length() > ProtocolParser.DEFAULT_MAX_CONTROL_LINE);
    byte[] b = bytes("INFO " + json + "\r\n");
    Info info = (Info) parseWhole(b).get(0);
    assertEquals(400, info.info().connectUrls().size());
    List<ServerOp> ops = new ArrayList<>();
    ProtocolParser parser = newParser();
    for (int i = 0; i < b.length; i += 100) {
      parser.parse(b, i, Math.min(100, b.length - i), ops::add);
    }
    assertEquals(List.of(info), ops);
  }

  @Test
  void controlLineOfExactlyTheLimitIsAccepted() {
    ProtocolParser parser = new ProtocolParser(64, MAX_PAYLOAD);
    String subject = "s".repeat(64 - "MSG  1 0".length());
    byte[] b = bytes("MSG " + subject + " 1 0\r\n\r\n");
    List<ServerOp> ops = new ArrayList<>();
    parser.parse(b, 0, b.length, ops::add);
    assertEquals(List.of(new Msg(subject, 1, null, null, new byte[0])), ops);
  }

  @Test
  void messageLinesMayExceedTheControlLineLimitAsTheServerDelivers() {
    // PUB arguments at the server's limit: MSG adds the op and the sid
    String subject = "s".repeat(3_000);
    String reply = "r".repeat(4_096 - 3_000 - 4);
    byte[] msg = bytes("MSG " + subject + " 123456 " + reply + " 1\r\nx\r\n");
    String hdr = "NATS/1.0\r\n\r\n";
    byte[] hmsg = bytes("HMSG " + subject + " 7 " + reply + " 12 13\r\n" + hdr + "y\r\n");
    for (byte[] b : List.of(msg, hmsg)) {
      assertTrue(b.length > ProtocolParser.DEFAULT_MAX_CONTROL_LINE + 10);
      for (int chunk : new int[] {b.length, 1_000, 1}) {
        List<ServerOp> ops = new ArrayList<>();
        ProtocolParser parser = newParser();
        for (int i = 0; i < b.length; i += chunk) {
          parser.parse(b, i, Math.min(chunk, b.length - i), ops::add);
        }
        assertEquals(1, ops.size());
        assertEquals(reply, ((Msg) ops.get(0)).replyTo());
      }
    }
    // the bound is 16 × the control line, and other ops keep the plain limit
    ProtocolParser small = new ProtocolParser(64, MAX_PAYLOAD);
    byte[] ok = bytes("MSG " + "s".repeat(16 * 64 - "MSG  1 0".length()) + " 1 0\r\n\r\n");
    small.parse(ok, 0, ok.length, op -> {});
    byte[] tooLong = bytes("MSG " + "s".repeat(16 * 64) + " 1 0\r\n\r\n");
    assertThrows(
        ProtocolException.class,
        () -> new ProtocolParser(64, MAX_PAYLOAD).parse(tooLong, 0, tooLong.length, op -> {}));
    byte[] longErr = bytes("-ERR '" + "e".repeat(100) + "'\r\n");
    assertThrows(
        ProtocolException.class,
        () -> new ProtocolParser(64, MAX_PAYLOAD).parse(longErr, 0, longErr.length, op -> {}));
  }

  @Test
  void aDeclaredSizeIsBoundedByTheServersMaxPayloadPlusHeaders() {
    ProtocolParser parser = newParser();
    parser.maxPayloadBound(ProtocolParser.payloadBoundFor(1024));
    int bound = 1024 + ProtocolParser.SERVER_HEADER_ALLOWANCE;
    byte[] atBound = bytes("MSG a 1 " + bound + "\r\n");
    parser.parse(atBound, 0, atBound.length, op -> {});
    ProtocolParser other = newParser();
    other.maxPayloadBound(ProtocolParser.payloadBoundFor(1024));
    byte[] over = bytes("MSG a 1 " + (bound + 1) + "\r\n");
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> other.parse(over, 0, over.length, op -> {}));
    assertTrue(e.getMessage().contains("exceeds the bound"), e.getMessage());

    // replies to requests (JetStream API answers) are the server's own and may be larger
    ProtocolParser replies = newParser();
    replies.maxPayloadBound(ProtocolParser.payloadBoundFor(1024));
    replies.replySid(() -> 9);
    byte[] bigReply = bytes("MSG _INBOX.x.1 9 " + (bound + 1) + "\r\n");
    replies.parse(bigReply, 0, bigReply.length, op -> {});
    ProtocolParser tooBig = newParser();
    tooBig.replySid(() -> 9);
    byte[] overCeiling = bytes("MSG _INBOX.x.1 9 " + (ProtocolParser.REPLY_BOUND + 1) + "\r\n");
    assertThrows(
        ProtocolException.class, () -> tooBig.parse(overCeiling, 0, overCeiling.length, op -> {}));
  }

  @Test
  void aLargeDeclaredSizeAllocatesOnlyWhatArrived() {
    ProtocolParser parser = new ProtocolParser(4096, 64 << 20);
    byte[] head = bytes("MSG a 1 " + (48 << 20) + "\r\n" + "x".repeat(1000));
    parser.parse(head, 0, head.length, op -> {});
    assertTrue(parser.heldBytes() <= 64 * 1024, "holds " + parser.heldBytes() + " bytes");
    byte[] more = new byte[200_000];
    parser.parse(more, 0, more.length, op -> {});
    assertTrue(parser.heldBytes() <= 2 * 201_000, "holds " + parser.heldBytes() + " bytes");
    // and a message that arrives in many pieces is still whole
    byte[] payload = new byte[300_000];
    new Random(7).nextBytes(payload);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "HMSG big 2 12 " + (12 + payload.length) + "\r\nNATS/1.0\r\n\r\n");
    out.writeBytes(payload);
    write(out, "\r\n");
    byte[] b = out.toByteArray();
    List<ServerOp> ops = new ArrayList<>();
    ProtocolParser pieces = newParser();
    for (int i = 0; i < b.length; i += 1_500) {
      pieces.parse(b, i, Math.min(1_500, b.length - i), ops::add);
    }
    assertEquals(List.of(new Msg("big", 2, null, bytes("NATS/1.0\r\n\r\n"), payload)), ops);
  }

  @Test
  void aMessageUpToTheExactLimitGetsItsArraysOnceAtTheirSizes() {
    ProtocolParser parser = newParser();
    int total = 12 + 200_000;
    byte[] head = bytes("HMSG a 1 12 " + total + "\r\nNATS/1.0\r\n\r\nxyz");
    parser.parse(head, 0, head.length, op -> {});
    assertEquals(total, parser.heldBytes(), "the exact sizes at once, no growing");
    assertEquals(200_000 - 3, parser.payloadRoom());
  }

  @Test
  void payloadBytesReadStraightIntoTheMessageCompleteIt() {
    byte[] payload = new byte[300_000];
    new Random(11).nextBytes(payload);
    ProtocolParser parser = newParser();
    List<ServerOp> ops = new ArrayList<>();
    byte[] head = bytes("HMSG big 2 12 " + (12 + payload.length) + "\r\nNATS/1.0\r");
    parser.parse(head, 0, head.length, ops::add);
    assertEquals(0, parser.payloadRoom(), "the header block is not complete yet");
    byte[] rest = new byte[3 + 1000];
    System.arraycopy(bytes("\n\r\n"), 0, rest, 0, 3);
    System.arraycopy(payload, 0, rest, 3, 1000);
    parser.parse(rest, 0, rest.length, ops::add);
    int done = 1000;
    while (parser.payloadRoom() > 0) {
      assertEquals(payload.length - done, parser.payloadRoom());
      int n = Math.min(parser.payloadRoom(), 65_000);
      System.arraycopy(payload, done, parser.payloadArray(), parser.payloadPosition(), n);
      parser.payloadRead(n);
      done += n;
    }
    assertEquals(payload.length, done);
    assertEquals(List.of(), ops, "nothing is emitted before the payload's CRLF");
    assertThrows(IllegalArgumentException.class, () -> parser.payloadRead(1));
    byte[] tail = bytes("\r\nPING\r\n");
    parser.parse(tail, 0, tail.length, ops::add);
    assertEquals(
        List.of(new Msg("big", 2, null, bytes("NATS/1.0\r\n\r\n"), payload), Ping.INSTANCE), ops);
    assertEquals(0, parser.payloadRoom());
  }

  @Test
  void aGrowingPayloadOffersNoRoomToReadInto() {
    ProtocolParser parser = new ProtocolParser(4096, 64 << 20);
    byte[] head = bytes("MSG a 1 " + (48 << 20) + "\r\n" + "x".repeat(1000));
    parser.parse(head, 0, head.length, op -> {});
    assertEquals(0, parser.payloadRoom(), "room only where the array already is whole");
    assertThrows(IllegalArgumentException.class, () -> parser.payloadRead(1));
  }

  @Test
  void resetRevivesADeadParser() {
    ProtocolParser parser = newParser();
    byte[] bad = bytes("BOGUS\r\n");
    assertThrows(ProtocolException.class, () -> parser.parse(bad, 0, bad.length, op -> {}));
    byte[] ping = bytes("PING\r\n");
    assertThrows(ProtocolException.class, () -> parser.parse(ping, 0, ping.length, op -> {}));
    parser.reset();
    List<ServerOp> ops = new ArrayList<>();
    parser.parse(ping, 0, ping.length, ops::add);
    assertEquals(List.of(Ping.INSTANCE), ops);
  }

  @Test
  void sinkExceptionKillsTheParser() {
    ProtocolParser parser = newParser();
    byte[] b = bytes("PING\r\nPING\r\n");
    assertThrows(
        IllegalStateException.class,
        () ->
            parser.parse(
                b,
                0,
                b.length,
                op -> {
                  throw new IllegalStateException("boom");
                }));
    assertThrows(ProtocolException.class, () -> parser.parse(b, 0, b.length, op -> {}));
  }

  static ProtocolParser newParser() {
    return new ProtocolParser(ProtocolParser.DEFAULT_MAX_CONTROL_LINE, MAX_PAYLOAD);
  }

  static List<ServerOp> parseWhole(byte[] b) {
    List<ServerOp> ops = new ArrayList<>();
    newParser().parse(b, 0, b.length, ops::add);
    return ops;
  }

  static byte[] bytes(String s) {
    return s.getBytes(ISO_8859_1);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(bytes(s));
  }
}
