package io.nats4j.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.internal.PublishHeaders;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsUseTheStandardPrefixAndSaneLimits() {
    JetStreamOptions o = JetStreamOptions.defaults();
    assertEquals("$JS.API", o.apiPrefix());
    assertEquals(Duration.ofSeconds(5), o.requestTimeout());
    assertEquals(4000, o.maxOutstandingAcks());
    assertEquals(JetStreamOptions.WindowFullPolicy.BLOCK, o.windowFullPolicy());
    assertEquals(2, o.publishRetryAttempts());
    assertEquals(-1, o.assumedApiLevel());
  }

  @Test
  void domainAndPrefixBuildTheApiSubject() {
    assertEquals("$JS.hub.API", JetStreamOptions.builder().domain("hub").build().apiPrefix());
    assertEquals(
        "$JS.acct.API", JetStreamOptions.builder().apiPrefix("$JS.acct.API.").build().apiPrefix());
    assertEquals(
        "$JS.x.API",
        JetStreamOptions.builder().domain("hub").apiPrefix("$JS.x.API").build().apiPrefix());
  }

  @Test
  void invalidOptionsNameTheSetting() {
    assertMessage(
        "requestTimeout", () -> JetStreamOptions.builder().requestTimeout(Duration.ZERO).build());
    assertMessage(
        "maxOutstandingAcks", () -> JetStreamOptions.builder().maxOutstandingAcks(0).build());
    assertMessage(
        "publishRetry", () -> JetStreamOptions.builder().publishRetry(-1, Duration.ZERO).build());
    assertMessage("domain", () -> JetStreamOptions.builder().domain("a.b").build());
    assertMessage("apiPrefix", () -> JetStreamOptions.builder().apiPrefix("$JS.*.API").build());
  }

  @Test
  void publishOptionsRejectContradictions() {
    assertMessage("ttl", () -> PublishOptions.builder().ttl(Duration.ofMillis(500)).build());
    // nats-server keeps Nats-TTL in whole seconds (it truncates 1.5s to 1s): say so, do not round.
    assertMessage(
        "whole seconds", () -> PublishOptions.builder().ttl(Duration.ofMillis(1500)).build());
    assertMessage(
        "ttlNever", () -> PublishOptions.builder().ttl(Duration.ofSeconds(5)).ttlNever().build());
    assertMessage(
        "expectedLastSequence", () -> PublishOptions.builder().expectedLastSequence(-1).build());
    assertMessage(
        "expectedLastSubjectSequence",
        () -> new PublishOptions(null, null, null, null, "a.b", null, null, false));
  }

  @Test
  void publishOptionsBecomeHeadersWithoutTouchingTheCallersHeaders() {
    Headers user = new Headers().add("App", "1");
    Headers h =
        PublishHeaders.merge(
            user,
            PublishOptions.builder()
                .messageId("id")
                .expectedStream("S")
                .expectedLastSequence(0)
                .expectedLastSubjectSequence(7, "orders.*")
                .expectedLastMessageId("prev")
                .ttl(Duration.ofMinutes(2))
                .build());
    assertEquals("1", h.first("App"));
    assertEquals("id", h.first("Nats-Msg-Id"));
    assertEquals("S", h.first("Nats-Expected-Stream"));
    assertEquals("0", h.first("Nats-Expected-Last-Sequence"));
    assertEquals("7", h.first("Nats-Expected-Last-Subject-Sequence"));
    assertEquals("orders.*", h.first("Nats-Expected-Last-Subject-Sequence-Subject"));
    assertEquals("prev", h.first("Nats-Expected-Last-Msg-Id"));
    assertEquals("120s", h.first("Nats-TTL"));
    assertEquals(1, user.size());
    assertSame(user, PublishHeaders.merge(user, PublishOptions.NONE));
    assertNull(PublishHeaders.merge(null, PublishOptions.NONE));
  }

  @Test
  void onlyTtlNeedsAnApiLevel() {
    assertEquals(
        List.of(), PublishHeaders.requirements(PublishOptions.builder().messageId("x").build()));
    assertEquals(
        1, PublishHeaders.requirements(PublishOptions.builder().ttlNever().build()).get(0).level());
  }

  @Test
  void purgeOptionsAndNamesAreValidated() {
    assertMessage("seq or keep", () -> new PurgeOptions(null, 5, 5));
    assertEquals("a.b", PurgeOptions.keep(3).onSubject("a.b").filter());
    assertMessage("whitespace", () -> StreamConfig.builder("bad name").build());
    assertMessage("required", () -> StreamConfig.builder("").build());
    assertMessage(
        "must be equal", () -> ConsumerConfig.builder().name("a").durableName("b").build());
    assertMessage(
        "not both",
        () -> ConsumerConfig.builder().filterSubject("a").filterSubjects("b", "c").build());
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(expected), ex.getMessage());
  }
}
