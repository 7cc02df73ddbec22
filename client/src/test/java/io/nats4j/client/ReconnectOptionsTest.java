package io.nats4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectOptionsTest {

  @Test
  void defaultsFollowAdr40() {
    ReconnectOptions r = ReconnectOptions.defaults();

    assertTrue(r.enabled());
    assertEquals(8 * 1024 * 1024, r.bufferBytes());
    assertTrue(r.randomize());
    assertFalse(r.ignoreDiscoveredServers());
    assertFalse(r.retryOnFailedConnect());
    assertFalse(r.retryOnRepeatedAuthError());
    assertFalse(r.failPendingRequestsOnDisconnect());
    assertNull(r.serverChooser());
    // the default policy is wait + jitter per server, counted from the server's last attempt
    Duration justTried =
        r.delay().delay(new ReconnectDelay.Attempt(1, "nats://a:4222", 1, Duration.ZERO, false));
    Duration longAgo =
        r.delay()
            .delay(new ReconnectDelay.Attempt(1, "nats://a:4222", 1, Duration.ofMinutes(1), false));
    assertTrue(justTried.compareTo(r.waitTime()) >= 0, justTried.toString());
    assertTrue(justTried.compareTo(r.waitTime().plus(r.jitter())) < 0, justTried.toString());
    assertEquals(Duration.ZERO, longAgo);
  }

  @Test
  void customPolicyChooserAndFlagsAreKept() {
    ReconnectDelay constant = attempt -> Duration.ofMillis(7);
    ServerChooser first = (pool, info) -> ServerChooser.Choice.of(pool.get(0).url());

    ReconnectOptions r =
        ReconnectOptions.builder()
            .delay(constant)
            .serverChooser(first)
            .retryOnRepeatedAuthError()
            .failPendingRequestsOnDisconnect()
            .build();

    assertSame(constant, r.delay());
    assertSame(first, r.serverChooser());
    assertTrue(r.retryOnRepeatedAuthError());
    assertTrue(r.failPendingRequestsOnDisconnect());
    assertTrue(r.toString().contains("failPendingRequestsOnDisconnect=true"), r.toString());
  }

  @Test
  void invalidValuesAreRejectedNamingTheField() {
    assertThrows(NullPointerException.class, () -> ReconnectOptions.builder().delay(null));
    assertThrows(NullPointerException.class, () -> ReconnectOptions.builder().serverChooser(null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ReconnectDelay.exponential(
                    Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO));
    assertTrue(e.getMessage().contains("max"), e.getMessage());
    assertThrows(NullPointerException.class, () -> ServerChooser.Choice.of(null));
  }
}
