package io.nats4j.client.internal.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void parsesSchemesHostsAndPorts() {
    ServerAddress a = ServerAddress.parse("nats://example.com:4333");
    assertEquals("nats", a.scheme());
    assertEquals("example.com", a.host());
    assertEquals(4333, a.port());
    assertFalse(a.tlsRequired());

    ServerAddress bare = ServerAddress.parse("localhost");
    assertEquals("nats", bare.scheme());
    assertEquals(4222, bare.port());

    ServerAddress tls = ServerAddress.parse("tls://secure:4443");
    assertTrue(tls.tlsRequired());

    ServerAddress v6 = ServerAddress.parse("nats://[::1]:4222");
    assertEquals("::1", v6.host());
    assertEquals("nats://[::1]:4222", v6.redacted());

    assertEquals(4222, ServerAddress.parse("NATS://HOST").port());
  }

  @Test
  void credentialsAreParsedAndNeverShown() {
    ServerAddress up = ServerAddress.parse("nats://alice:p%40ss@host:1");
    assertEquals("alice", up.user());
    assertEquals("p@ss", up.password());
    assertNull(up.token());
    assertEquals("nats://host:1", up.toString());

    ServerAddress token = ServerAddress.parse("token123@host");
    assertEquals("token123", token.token());
    assertTrue(token.hasCredentials());
    assertFalse(token.toString().contains("token123"));
  }

  @Test
  void rejectsBadUrlsWithoutEchoingSecrets() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ServerAddress.parse("http://u:secret@host"));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("nats://"));
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList(" , "));
  }

  @Test
  void parsesWebSocketUrlsWithDefaultPortsAndPaths() {
    ServerAddress ws = ServerAddress.parse("ws://example.com");
    assertEquals("ws", ws.scheme());
    assertEquals(80, ws.port());
    assertTrue(ws.webSocket());
    assertFalse(ws.tlsRequired());
    assertEquals("", ws.path());

    ServerAddress wss = ServerAddress.parse("WSS://u:p@example.com/nats?token=abc");
    assertEquals("wss", wss.scheme());
    assertEquals(443, wss.port());
    assertTrue(wss.tlsRequired());
    assertEquals("/nats?token=abc", wss.path());
    assertEquals("u", wss.user());
    // the query may carry a secret: logs show the path only
    assertEquals("wss://example.com:443/nats", wss.toString());

    ServerAddress port = ServerAddress.parse("ws://[::1]:8080/");
    assertEquals("::1", port.host());
    assertEquals(8080, port.port());
    assertEquals("/", port.path());
    assertEquals("/", port.withHost("10.0.0.1").path());
    assertEquals("10.0.0.1", port.withHost("10.0.0.1").host());

    assertFalse(ServerAddress.parse("nats://host/ignored").webSocket());
    assertEquals("", ServerAddress.parse("nats://host/ignored").path());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ServerAddress("nats", "h", 4222, null, null, null, "/x"));
  }

  @Test
  void parsesLists() {
    List<ServerAddress> list = ServerAddress.parseList("a:1,nats://b:2, tls://c");
    assertEquals(3, list.size());
    assertEquals("b", list.get(1).host());
    assertTrue(list.get(2).tlsRequired());
  }

  @Test
  void redactsUnparseableText() {
    assertEquals("nats://<redacted>@host", ServerAddress.redact("nats://u:p@host"));
    assertEquals("host:1", ServerAddress.redact("host:1"));
  }
}
