package io.nats4j.client.internal.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.NatsException;
import io.nats4j.client.ProtocolException;
import io.nats4j.client.WebSocketOptions;
import io.nats4j.client.internal.address.ServerAddress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebSocketUpgradeTest {
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private static String response(String... headers) {
    return "HTTP/1.1 101 Switching Protocols\r\n" + String.join("\r\n", headers);
  }

  private static final String UPGRADE = "Upgrade: websocket";
  private static final String CONNECTION = "Connection: Upgrade";
  private static final String ACCEPT = "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  @Test
  void acceptKeyIsTheRfcExample() {
    assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.acceptFor(KEY));
  }

  @Test
  void requestCarriesPathQueryHeadersOfferAndCookie() {
    ServerAddress a = ServerAddress.parse("wss://nats.example.com/ws?x=1");
    WebSocketOptions o =
        WebSocketOptions.builder().header("Authorization", "Bearer t").jwtCookie("jwt").build();
    String r = WebSocketUpgrade.request(a, o, KEY, "eyJ.jwt");
    assertTrue(r.startsWith("GET /ws?x=1 HTTP/1.1\r\nHost: nats.example.com\r\n"), r);
    assertTrue(r.contains("Sec-WebSocket-Key: " + KEY + "\r\n"), r);
    assertTrue(r.contains("Sec-WebSocket-Version: 13\r\n"), r);
    assertTrue(r.contains("Sec-WebSocket-Extensions: permessage-deflate;"), r);
    assertTrue(r.contains("Authorization: Bearer t\r\n"), r);
    assertTrue(r.contains("Cookie: jwt=eyJ.jwt\r\n"), r);
    assertTrue(r.endsWith("\r\n\r\n"), r);

    String proxied =
        WebSocketUpgrade.request(
            ServerAddress.parse("ws://[::1]:8080"),
            WebSocketOptions.builder().path("/nats").compression(false).build(),
            KEY,
            null);
    assertTrue(proxied.startsWith("GET /nats HTTP/1.1\r\nHost: [::1]:8080\r\n"), proxied);
    assertFalse(proxied.contains("Extensions"), proxied);
    assertFalse(proxied.contains("Cookie"), proxied);
  }

  @Test
  void acceptsAValidAnswerAndNegotiatesCompression() {
    assertEquals(
        new WebSocketUpgrade.Agreed(false, false),
        WebSocketUpgrade.check(response(UPGRADE, CONNECTION, ACCEPT), KEY, true));
    assertEquals(
        new WebSocketUpgrade.Agreed(true, true),
        WebSocketUpgrade.check(
            response(
                "upgrade: WebSocket",
                "connection: keep-alive, upgrade",
                ACCEPT,
                "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover;"
                    + " client_no_context_takeover"),
            KEY,
            true));
    assertEquals(
        new WebSocketUpgrade.Agreed(true, false),
        WebSocketUpgrade.check(
            response(UPGRADE, CONNECTION, ACCEPT, "Sec-WebSocket-Extensions: permessage-deflate"),
            KEY,
            true));
  }

  @Test
  void rejectsBadAnswers() {
    NatsException refused =
        assertThrows(
            NatsException.class,
            () -> WebSocketUpgrade.check("HTTP/1.1 403 Forbidden\r\nX: y", KEY, true));
    assertTrue(refused.getMessage().contains("403 Forbidden"), refused.getMessage());
    assertRejected("did not answer with HTTP", "SSH-2.0-OpenSSH", true);
    assertRejected("Upgrade: websocket", response(CONNECTION, ACCEPT), true);
    assertRejected("Connection: Upgrade", response(UPGRADE, ACCEPT), true);
    assertRejected(
        "does not match", response(UPGRADE, CONNECTION, "Sec-WebSocket-Accept: x"), true);
    assertRejected("does not match", response(UPGRADE, CONNECTION), true);
    String ext = "Sec-WebSocket-Extensions: ";
    assertRejected(
        "not offered", response(UPGRADE, CONNECTION, ACCEPT, ext + "permessage-deflate"), false);
    assertRejected(
        "'x-webkit' , which", response(UPGRADE, CONNECTION, ACCEPT, ext + "x-webkit"), true);
    assertRejected(
        "'client_max_window_bits' was not offered",
        response(
            UPGRADE, CONNECTION, ACCEPT, ext + "permessage-deflate; client_max_window_bits=10"),
        true);
  }

  private static void assertRejected(String expected, String head, boolean offered) {
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> WebSocketUpgrade.check(head, KEY, offered));
    assertTrue(e.getMessage().contains(expected.replace(" , which", "")), e.getMessage());
  }

  @Test
  void readsTheHeadAndKeepsWhatFollows() throws IOException {
    byte[] bytes =
        ("HTTP/1.1 101 OK\r\nA: b\r\n\r\n" + "\u0082\u0003abc")
            .getBytes(StandardCharsets.ISO_8859_1);
    WebSocketUpgrade.Head head = WebSocketUpgrade.readHead(new ByteArrayInputStream(bytes));
    assertEquals("HTTP/1.1 101 OK\r\nA: b", head.head());
    assertArrayEquals(new byte[] {(byte) 0x82, 3, 'a', 'b', 'c'}, head.rest());

    byte[] endless =
        ("HTTP/1.1 101 OK\r\n" + "X: y\r\n".repeat(5000)).getBytes(StandardCharsets.ISO_8859_1);
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> WebSocketUpgrade.readHead(new ByteArrayInputStream(endless)));
    assertTrue(e.getMessage().contains("longer than 16384"), e.getMessage());
  }
}
