package io.nats4j.client.internal.reconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.internal.address.ServerAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ServerPoolTest {

  private static ServerPool pool(boolean ignoreDiscovered, String... urls) {
    return new ServerPool(
        java.util.Arrays.stream(urls).map(ServerAddress::parse).toList(),
        false,
        ignoreDiscovered,
        new Random(1));
  }

  private static List<String> urls(ServerPool pool) {
    return pool.servers().stream().map(PoolEntry::url).toList();
  }

  @Test
  void discoveredServersAreAddedOnceAndReported() {
    ServerPool pool = pool(false, "nats://127.0.0.1:4222");
    pool.connected(pool.servers().get(0), 0);

    List<String> added =
        pool.discovered(List.of("127.0.0.1:4222", "127.0.0.1:4223", "127.0.0.1:4224"));
    List<String> again = pool.discovered(List.of("127.0.0.1:4223", "127.0.0.1:4224"));

    assertEquals(List.of("nats://127.0.0.1:4223", "nats://127.0.0.1:4224"), added);
    assertEquals(List.of(), again);
    assertEquals(
        List.of("nats://127.0.0.1:4222", "nats://127.0.0.1:4223", "nats://127.0.0.1:4224"),
        urls(pool));
    assertTrue(pool.servers().get(1).discovered());
    assertFalse(pool.servers().get(0).discovered());
  }

  @Test
  void ignoringDiscoveredServersKeepsOnlyTheSeeds() {
    ServerPool pool = pool(true, "nats://127.0.0.1:4222");

    assertEquals(List.of(), pool.discovered(List.of("127.0.0.1:4223")));
    assertEquals(List.of("nats://127.0.0.1:4222"), urls(pool));
  }

  @Test
  void discoveredAddressesKeepTheTlsNameSchemeAndCredentialsOfTheAnnouncer() {
    ServerPool pool = pool(false, "tls://alice:secret@nats.example.com:4222");
    pool.connected(pool.servers().get(0), 0);

    pool.discovered(List.of("10.0.0.2:4222", "[fd00::3]:4222", "other.example.com:4222"));

    PoolEntry ipv4 = pool.servers().get(1);
    PoolEntry ipv6 = pool.servers().get(2);
    PoolEntry named = pool.servers().get(3);
    assertEquals("tls://10.0.0.2:4222", ipv4.url());
    assertEquals("nats.example.com", ipv4.tlsHostname());
    assertEquals("nats.example.com", ipv6.tlsHostname());
    assertEquals("other.example.com", named.tlsHostname());
    assertEquals("alice", ipv4.address().user());
    assertEquals("secret", ipv4.address().password());
    assertFalse(ipv4.toString().contains("secret"));
  }

  @Test
  void discoveredServersNoLongerAnnouncedAreDroppedButSeedsAndTheCurrentStay() {
    ServerPool pool = pool(false, "nats://127.0.0.1:4222");
    pool.connected(pool.servers().get(0), 0);
    pool.discovered(List.of("127.0.0.1:4223", "127.0.0.1:4224"));
    pool.connected(pool.servers().get(1), 0); // now on 4223

    pool.discovered(List.of("127.0.0.1:4225"));

    assertEquals(
        List.of("nats://127.0.0.1:4222", "nats://127.0.0.1:4223", "nats://127.0.0.1:4225"),
        urls(pool));
  }

  @Test
  void malformedAnnouncedUrlsAreSkipped() {
    ServerPool pool = pool(false, "nats://127.0.0.1:4222");

    List<String> added = pool.discovered(List.of("ws://x:1", "", "127.0.0.1:4223"));

    assertEquals(List.of("nats://127.0.0.1:4223"), added);
  }

  @Test
  void aWebSocketPoolDiscoversOnlyWebSocketServersWithTheAnnouncersScheme() {
    ServerPool pool = pool(false, "wss://alice:secret@nats.example.com/ws");
    pool.connected(pool.servers().get(0), 0);

    List<String> added =
        pool.discovered(List.of("10.0.0.2:8443", "nats://10.0.0.3:4222", "tls://10.0.0.4:4222"));

    assertEquals(List.of("wss://10.0.0.2:8443"), added);
    PoolEntry discovered = pool.servers().get(1);
    assertTrue(discovered.address().webSocket());
    assertEquals("nats.example.com", discovered.tlsHostname());
    assertEquals("alice", discovered.address().user());
  }

  @Test
  void aPlainWebSocketPoolStaysPlain() {
    ServerPool pool = pool(false, "ws://127.0.0.1:8080");
    pool.connected(pool.servers().get(0), 0);

    assertEquals(
        List.of("ws://127.0.0.1:8081", "ws://127.0.0.1:8082"),
        pool.discovered(List.of("127.0.0.1:8081", "ws://127.0.0.1:8082")));
  }

  @Test
  void duplicateSeedsCollapse() {
    ServerPool pool = pool(false, "nats://a:4222", "a:4222", "nats://A:4222");

    assertEquals(List.of("nats://a:4222"), urls(pool));
  }

  @Test
  void aReconnectTriesTheLostServerLast() {
    ServerPool pool = pool(false, "nats://a:1", "nats://b:1", "nats://c:1");
    pool.connected(pool.servers().get(0), 0);

    pool.reconnecting(null, false);

    assertEquals("b", pool.next(-1, null, null).entry().address().host());
    assertEquals("c", pool.next(-1, null, null).entry().address().host());
    assertEquals("a", pool.next(-1, null, null).entry().address().host());
  }

  @Test
  void serversOutOfAttemptsAreSkippedUntilTheNextReconnect() {
    ServerPool pool = pool(false, "nats://a:1", "nats://b:1");
    PoolEntry a = pool.next(1, null, null).entry();
    pool.failed(a, null);
    PoolEntry b = pool.next(1, null, null).entry();
    pool.failed(b, null);

    assertNull(pool.next(1, null, null));
    pool.reconnecting(null, false);
    assertEquals("a", pool.next(1, null, null).entry().address().host());
  }

  @Test
  void anEmptySeedListIsRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> new ServerPool(List.of(), true, false, new Random()));
  }

  @Test
  void addressLiteralsAreRecognized() {
    assertTrue(ServerPool.isAddressLiteral("10.1.2.3"));
    assertTrue(ServerPool.isAddressLiteral("::1"));
    assertFalse(ServerPool.isAddressLiteral("localhost"));
    assertFalse(ServerPool.isAddressLiteral("nats1.example.com"));
  }
}
