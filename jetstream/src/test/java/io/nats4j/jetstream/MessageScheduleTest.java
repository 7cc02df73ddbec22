package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageScheduleTest {
  @Test
  void buildsTheHeadersOfEachKind() {
    Headers h =
        MessageSchedule.at(Instant.parse("2026-12-06T15:00:00.750Z"))
            .target("orders")
            .ttl(Duration.ofMinutes(5))
            .build()
            .headers(new Headers().add("Order", "o1"));
    assertEquals("@at 2026-12-06T15:00:00Z", h.first("Nats-Schedule"));
    assertEquals("orders", h.first("Nats-Schedule-Target"));
    assertEquals("300s", h.first("Nats-Schedule-TTL"));
    assertEquals("o1", h.first("Order"));
    assertNull(h.first("Nats-Schedule-Time-Zone"));

    assertEquals(
        "@every 90s", MessageSchedule.every(Duration.ofSeconds(90)).target("t").build().pattern());
    assertEquals(
        "@every 1500ms",
        MessageSchedule.every(Duration.ofMillis(1500)).target("t").build().pattern());
    assertEquals(
        "@hourly",
        MessageSchedule.predefined(MessageSchedule.Predefined.HOURLY)
            .target("t")
            .build()
            .pattern());

    Headers cron =
        MessageSchedule.cron(" 0  30 4 1,15 * fri ")
            .timeZone(ZoneId.of("Europe/Amsterdam"))
            .source("sensors.temp")
            .target("sensors.sampled")
            .rollupSubject(true)
            .build()
            .headers(null);
    assertEquals("0 30 4 1,15 * fri", cron.first("Nats-Schedule"));
    assertEquals("Europe/Amsterdam", cron.first("Nats-Schedule-Time-Zone"));
    assertEquals("sensors.temp", cron.first("Nats-Schedule-Source"));
    assertEquals("sub", cron.first("Nats-Schedule-Rollup"));
    assertEquals(
        "UTC",
        MessageSchedule.cron("0 0 0 * * *")
            .timeZone(ZoneOffset.UTC)
            .target("t")
            .build()
            .headers(null)
            .first("Nats-Schedule-Time-Zone"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * * *",
        "0 */5 * * * *",
        "0 0-30/10 8-17 * jan-mar mon-fri",
        "? ? ? ? ? ?",
        "59 59 23 31 12 6",
        "0 0 0 1 DEC SUN"
      })
  void acceptsCronTheServerAccepts(String cron) {
    MessageSchedule.cron(cron).target("t").build();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "* * * * *|6 fields",
        "60 * * * * *|seconds field '60': values must be 0 to 59",
        "* * 24 * * *|hours field",
        "* * * 0 * *|day of month field",
        "* * * * 13 *|month field",
        "* * * * * 7|day of week field",
        "* 30-10 * * * *|starts after it ends",
        "* */0 * * * *|step must be positive",
        "* 1/2/3 * * * *|more than one '/'",
        "* 1-2-3 * * * *|more than one '-'",
        "* x * * * *|'x' is not a number or name",
        "* * * * * monday|'monday' is not a number or name",
        "* * * * * -1|'' is not a number"
      })
  void refusesBadCronNamingTheField(String caseAndWhy) {
    String[] parts = caseAndWhy.split("\\|");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MessageSchedule.cron(parts[0]));
    assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
  }

  @Test
  void refusesWhatTheServerWouldRefuse() {
    assertRefused(() -> MessageSchedule.every(Duration.ofMillis(999)), "at least 1s");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).build(), "target subject is required");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).target("a.*").build(), "wildcard");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).target("a.>").build(), "wildcard");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).target("a b").build(), "whitespace");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).target("a..b").build(),
        "not a valid subject");
    assertRefused(
        () -> MessageSchedule.every(Duration.ofSeconds(5)).target("a").source("a").build(),
        "source must differ from its target");
    assertRefused(
        () ->
            MessageSchedule.every(Duration.ofSeconds(5))
                .target("a")
                .ttl(Duration.ofMillis(500))
                .build(),
        "at least 1s");
    assertRefused(
        () ->
            MessageSchedule.every(Duration.ofSeconds(5))
                .target("a")
                .ttl(Duration.ofMillis(1500))
                .build(),
        "whole seconds");
    assertRefused(
        () ->
            MessageSchedule.every(Duration.ofSeconds(5))
                .target("a")
                .timeZone(ZoneId.of("UTC"))
                .build(),
        "only applies to cron");
    assertRefused(
        () -> MessageSchedule.at(Instant.now()).target("a").timeZone(ZoneId.of("UTC")).build(),
        "only applies to cron");
    assertRefused(
        () ->
            MessageSchedule.cron("0 0 0 * * *").target("a").timeZone(ZoneOffset.ofHours(2)).build(),
        "fixed offsets");
    MessageSchedule s =
        MessageSchedule.every(Duration.ofSeconds(5)).target("a").source("b").build();
    assertRefused(() -> s.checkSubject("a"), "target must differ");
    assertRefused(() -> s.checkSubject("b"), "source must differ");
  }

  @Test
  void levelsFollowTheServerRelease() {
    assertEquals(
        2, MessageSchedule.at(Instant.now()).target("a").build().requirements().get(0).level());
    assertEquals(
        4,
        MessageSchedule.every(Duration.ofSeconds(1))
            .target("a")
            .build()
            .requirements()
            .get(0)
            .level());
    assertEquals(
        4, MessageSchedule.cron("* * * * * *").target("a").build().requirements().get(0).level());
  }

  private static void assertRefused(Runnable r, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
