package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsAreSensible() {
    Options o = Options.builder().build();
    assertEquals(List.of("nats://127.0.0.1:4222"), o.servers());
    assertEquals(Duration.ofMinutes(2), o.pingInterval());
    assertEquals(2, o.maxPingsOut());
    assertEquals("_INBOX", o.inboxPrefix());
    assertEquals(4096, o.maxControlLine());
    assertTrue(o.reconnect().enabled());
    assertEquals(8 * 1024 * 1024, o.reconnect().bufferBytes());
  }

  @Test
  void serversMayBeCommaSeparated() {
    Options o = Options.builder().server("nats://a:1, b:2").server("tls://c").build();
    assertEquals(List.of("nats://a:1", "b:2", "tls://c"), o.servers());
  }

  @Test
  void invalidFieldsAreNamed() {
    assertMessage("connectTimeout", Options.builder().connectTimeout(Duration.ZERO));
    assertMessage("pingInterval", Options.builder().pingInterval(Duration.ofSeconds(-1)));
    assertMessage("maxPingsOut", Options.builder().maxPingsOut(0));
    assertMessage("inboxPrefix", Options.builder().inboxPrefix("a b"));
    assertMessage("inboxPrefix", Options.builder().inboxPrefix("_INBOX.*"));
    assertMessage("maxControlLine", Options.builder().maxControlLine(10));
    assertMessage("maxOutboundBytes", Options.builder().maxOutboundBytes(10));
    assertMessage("scheme", Options.builder().server("http://localhost:4222"));
    assertMessage("no host", Options.builder().server("nats://:4222"));
    assertMessage("mixes ws:// or wss://", Options.builder().server("ws://a:80,nats://b:4222"));
  }

  @Test
  void webSocketOptionsValidateAndNeverShowHeaderValues() {
    WebSocketOptions ws =
        WebSocketOptions.builder()
            .path("nats")
            .header("Authorization", "Bearer s3cret")
            .compression(false)
            .jwtCookie("jwt")
            .build();
    assertEquals("/nats", ws.path());
    assertEquals(List.of("Bearer s3cret"), ws.headers().get("Authorization"));
    assertFalse(ws.compression());
    assertEquals("jwt", ws.jwtCookie());
    Options o = Options.builder().server("wss://a, wss://b").webSocket(ws).build();
    assertFalse(o.toString().contains("s3cret"), o.toString());
    assertEquals(ws, o.toBuilder().build().webSocket());
    assertTrue(WebSocketOptions.defaults().compression());

    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketOptions.builder().header("Sec-WebSocket-Key", "x").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketOptions.builder().header("X-A", "a\r\nEvil: 1").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketOptions.builder().header("Bad Name", "v").build());
    assertThrows(
        IllegalArgumentException.class, () -> WebSocketOptions.builder().jwtCookie("a=b").build());
  }

  @Test
  void threadAndLameDuckOptions() {
    Options o = Options.builder().build();
    assertEquals(ThreadOptions.defaults(), o.threads());
    assertEquals(null, o.threads().threadFactory());
    assertFalse(o.threads().virtualThreads());
    assertEquals(null, o.threads().dispatcherExecutor());
    assertEquals(null, o.leaveLameDuckServer(), "stays on a lame-duck server by default");
    assertMessage(
        "leaveLameDuckServer", Options.builder().leaveLameDuckServer(Duration.ofSeconds(-1)));
    java.util.concurrent.ThreadFactory factory = Thread::new;
    java.util.concurrent.Executor executor = Runnable::run;
    ThreadOptions threads =
        ThreadOptions.builder().threadFactory(factory).dispatcherExecutor(executor).build();
    Options copy =
        Options.builder()
            .threads(threads)
            .leaveLameDuckServer(Duration.ofSeconds(5))
            .build()
            .toBuilder()
            .build();
    assertEquals(factory, copy.threads().threadFactory());
    assertEquals(executor, copy.threads().dispatcherExecutor());
    assertEquals(threads, copy.threads().toBuilder().build());
    assertEquals(Duration.ofSeconds(5), copy.leaveLameDuckServer());
    if (Runtime.version().feature() < 21) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> ThreadOptions.builder().virtualThreads(true).build());
      assertTrue(e.getMessage().contains("Java 21"), e.getMessage());
    } else {
      assertTrue(ThreadOptions.builder().virtualThreads(true).build().virtualThreads());
    }
  }

  @Test
  void toStringNeverShowsUrlCredentials() {
    Options o = Options.builder().server("nats://bob:hunter2@host:4222,tok3n@other").build();
    assertFalse(o.toString().contains("hunter2"), o.toString());
    assertFalse(o.toString().contains("tok3n"), o.toString());
  }

  @Test
  void toBuilderCopiesEverything() {
    Options o =
        Options.builder()
            .server("nats://x:1")
            .name("n")
            .noEcho()
            .pendingLimits(5, 6)
            .reconnect(ReconnectOptions.disabled())
            .build();
    Options copy = o.toBuilder().build();
    assertEquals(o.servers(), copy.servers());
    assertEquals("n", copy.name());
    assertTrue(copy.noEcho());
    assertEquals(5, copy.pendingMessageLimit());
    assertEquals(6, copy.pendingByteLimit());
    assertFalse(copy.reconnect().enabled());
  }

  @Test
  void reconnectOptionsValidate() {
    assertThrows(
        IllegalArgumentException.class, () -> ReconnectOptions.builder().maxAttempts(-2).build());
    assertThrows(
        IllegalArgumentException.class, () -> ReconnectOptions.builder().bufferBytes(-1).build());
    ReconnectOptions r =
        ReconnectOptions.builder()
            .maxAttempts(-1)
            .waitTime(Duration.ofMillis(10))
            .noRandomize()
            .ignoreDiscoveredServers()
            .build();
    assertEquals(-1, r.maxAttempts());
    assertFalse(r.randomize());
    assertTrue(r.ignoreDiscoveredServers());
  }

  private static void assertMessage(String expected, Options.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
