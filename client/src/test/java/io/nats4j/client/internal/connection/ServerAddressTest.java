package io.nats4j.client.internal.connection;

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
            IllegalArgumentException.class, () -> ServerAddress.parse("ws://u:secret@host"));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("nats://"));
    assertThrows(IllegalArgumentException.class, () -> ServerAddress.parseList(" , "));
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
