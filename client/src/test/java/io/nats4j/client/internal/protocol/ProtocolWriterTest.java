package io.nats4j.client.internal.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.nkeys.internal.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtocolWriterTest {

  @Test
  void pubWithoutReply() {
    GrowableBuffer out = new GrowableBuffer(0);
    byte[] payload = bytes("xxhelloxx");
    ProtocolWriter.pub(out, bytes("foo.bar"), null, payload, 2, 5);
    assertEquals("PUB foo.bar 5\r\nhello\r\n", text(out));
  }

  @Test
  void pubWithReplyAndEmptyPayload() {
    GrowableBuffer out = new GrowableBuffer(4);
    ProtocolWriter.pub(out, bytes("foo"), bytes("_INBOX.1"), new byte[0], 0, 0);
    assertEquals("PUB foo _INBOX.1 0\r\n\r\n", text(out));
  }

  @Test
  void pubsAppendBackToBack() {
    GrowableBuffer out = new GrowableBuffer(8);
    for (int i = 0; i < 3; i++) {
      ProtocolWriter.pub(out, bytes("s"), null, bytes("ab"), 0, 2);
    }
    assertEquals("PUB s 2\r\nab\r\n".repeat(3), text(out));
  }

  @Test
  void hpubCountsHeadersInTotal() {
    GrowableBuffer out = new GrowableBuffer(16);
    byte[] hdr = bytes("NATS/1.0\r\nA: b\r\n\r\n");
    ProtocolWriter.hpub(out, bytes("foo"), bytes("r"), hdr, bytes("hello"), 0, 5);
    assertEquals("HPUB foo r 18 23\r\nNATS/1.0\r\nA: b\r\n\r\nhello\r\n", text(out));
    out.clear();
    ProtocolWriter.hpub(out, bytes("foo"), null, hdr, new byte[0], 0, 0);
    assertEquals("HPUB foo 18 18\r\nNATS/1.0\r\nA: b\r\n\r\n\r\n", text(out));
  }

  @Test
  void subUnsubPingPong() {
    GrowableBuffer out = new GrowableBuffer(16);
    ProtocolWriter.sub(out, "foo.*", null, 1);
    ProtocolWriter.sub(out, "foo.>", "workers", 12345678901L);
    ProtocolWriter.unsub(out, 1, 0);
    ProtocolWriter.unsub(out, 2, 10);
    ProtocolWriter.ping(out);
    ProtocolWriter.pong(out);
    assertEquals(
        "SUB foo.* 1\r\nSUB foo.> workers 12345678901\r\nUNSUB 1\r\nUNSUB 2 10\r\nPING\r\nPONG\r\n",
        text(out));
  }

  @Test
  void subWithNonAsciiSubjectIsUtf8() {
    GrowableBuffer out = new GrowableBuffer(16);
    ProtocolWriter.sub(out, "ünï.€", null, 3);
    assertEquals("SUB ünï.€ 3\r\n", new String(out.toByteArray(), UTF_8));
  }

  @Test
  void connectIsJsonOnOneLine() {
    GrowableBuffer out = new GrowableBuffer(16);
    ConnectRequest request =
        new ConnectRequest(
            false, false, false, "my app", "java", "0.1.0", 1, true, true, true, "bob", "s3cret",
            null, null, null, null);
    ProtocolWriter.connect(out, request);
    assertEquals(
        "CONNECT {\"verbose\":false,\"pedantic\":false,\"tls_required\":false,\"name\":\"my app\","
            + "\"lang\":\"java\",\"version\":\"0.1.0\",\"protocol\":1,\"echo\":true,\"headers\":true,"
            + "\"no_responders\":true,\"user\":\"bob\",\"pass\":\"s3cret\"}\r\n",
        text(out));
  }

  @Test
  void connectJsonEscapesStringsAndRoundTrips() {
    String nasty = "a\"b\\c\r\n\t\u0001\u2028é";
    ConnectRequest request =
        new ConnectRequest(
            true, true, true, nasty, "java", "1", 1, false, true, false, null, null, "tok\"en",
            "UABC", "eyJ.jwt", "c2ln");
    String json = request.toJson();
    assertFalse(json.contains("\r") || json.contains("\n"), json);
    Map<String, Object> parsed = Json.parseObject(json);
    assertEquals(nasty, parsed.get("name"));
    assertEquals("tok\"en", parsed.get("auth_token"));
    assertEquals("UABC", parsed.get("nkey"));
    assertEquals("eyJ.jwt", parsed.get("jwt"));
    assertEquals("c2ln", parsed.get("sig"));
    assertEquals(Boolean.TRUE, parsed.get("tls_required"));
    assertFalse(parsed.containsKey("user"));
    assertFalse(parsed.containsKey("pass"));
  }

  @Test
  void connectToStringRedactsSecrets() {
    ConnectRequest request =
        new ConnectRequest(
            false,
            false,
            false,
            "n",
            "java",
            "1",
            1,
            true,
            true,
            true,
            "bob",
            "pw-secret",
            "token-secret",
            "UNKEY",
            "jwt-secret",
            "sig-secret");
    String s = request.toString();
    for (String secret : new String[] {"pw-secret", "token-secret", "jwt-secret", "sig-secret"}) {
      assertFalse(s.contains(secret), s);
    }
    assertTrue(s.contains("user=bob") && s.contains("nkey=UNKEY"), s);
    assertTrue(s.contains("pass=<redacted>"), s);
  }

  @Test
  void growableBufferWritesDecimalsAndGrows() {
    GrowableBuffer out = new GrowableBuffer(0);
    long[] values = {0, 7, 10, 99, 100, 123456789, Long.MAX_VALUE, -1, -42, Long.MIN_VALUE};
    StringBuilder expected = new StringBuilder();
    for (long v : values) {
      out.writeDecimal(v);
      out.write((byte) ',');
      expected.append(v).append(',');
    }
    assertEquals(expected.toString(), text(out));
    out.clear();
    assertEquals(0, out.length());
    byte[] big = new byte[100_000];
    out.write(big);
    out.writeAscii("end");
    assertEquals(100_003, out.length());
    assertTrue(out.capacity() >= out.length());
  }

  @Test
  void writeAsciiFallsBackToUtf8() {
    GrowableBuffer out = new GrowableBuffer(2);
    out.writeAscii("ab€c😀");
    assertEquals("ab€c😀", new String(out.toByteArray(), UTF_8));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(ISO_8859_1);
  }

  private static String text(GrowableBuffer out) {
    return new String(out.array(), 0, out.length(), ISO_8859_1);
  }
}
