package io.nats4j.jetstream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.client.Headers;
import io.nats4j.testkit.Await;
import io.nats4j.testkit.NatsServer;
import io.nats4j.testkit.RequiresServerVersion;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@RequiresServerVersion("2.14.0")
class ScheduleIT extends StreamTestBase {
  private static final Duration WAIT = Duration.ofSeconds(30);

  ScheduleIT(NatsServer server) {
    super(server, "SCHED");
  }

  private void createStream() {
    js.streams()
        .create(
            StreamConfig.builder(stream)
                .subjects(subject + ".>")
                .allowMsgSchedules(true)
                .allowMsgTtl(true)
                .build());
  }

  private long countOn(String subj) {
    Long n = js.streams().info(stream, false, subj).state().subjects().get(subj);
    return n == null ? 0 : n;
  }

  @Test
  void aScheduleAtATimeFiresThenAndIsRemoved() {
    createStream();
    Instant at = Instant.now().plusSeconds(3);
    MessageSchedule schedule =
        MessageSchedule.at(at).target(subject("orders")).ttl(Duration.ofMinutes(5)).build();
    js.schedule(
        subject("sched.o1"), schedule, new Headers().add("Order", "o1"), "remind".getBytes(UTF_8));
    assertEquals(0, countOn(subject("orders")), "nothing before the time");

    Await.until(() -> countOn(subject("orders")) == 1, WAIT, "the scheduled message arrived");
    StoredMessage m = js.streams().getLastMessage(stream, subject("orders"));
    // The server fires within its one-second granularity of the (second-truncated) time.
    assertFalse(
        m.time().isBefore(at.minusSeconds(1)), "fired at " + m.time() + ", scheduled for " + at);
    assertEquals("remind", new String(m.data(), UTF_8));
    assertEquals("o1", m.headers().first("Order"));
    assertEquals("purge", m.headers().first("Nats-Schedule-Next"));
    assertEquals("300s", m.headers().first("Nats-TTL"));
    Await.until(() -> countOn(subject("sched.o1")) == 0, WAIT, "the single schedule is purged");
  }

  @Test
  void aCronScheduleFiresRepeatedly() {
    createStream();
    js.schedule(
        subject("sched.tick"),
        MessageSchedule.cron("* * * * * *")
            .timeZone(ZoneId.of("Europe/Amsterdam"))
            .target(subject("ticks"))
            .build(),
        null,
        "tick".getBytes(UTF_8));
    Await.until(() -> countOn(subject("ticks")) >= 3, WAIT, "three ticks");
    assertEquals(1, countOn(subject("sched.tick")), "the schedule stays");
    StoredMessage tick = js.streams().getLastMessage(stream, subject("ticks"));
    assertEquals(subject("sched.tick"), tick.headers().first("Nats-Scheduler"));
    assertNotNull(tick.headers().first("Nats-Schedule-Next"));
  }

  @Test
  void anEveryScheduleSamplesItsSourceAndRollsTheTargetUp() {
    createStream();
    js.publish(subject("temp"), "21.5".getBytes(UTF_8));
    js.schedule(
        subject("sched.sample"),
        MessageSchedule.every(Duration.ofSeconds(1))
            .source(subject("temp"))
            .target(subject("sampled"))
            .rollupSubject(true)
            .build(),
        null,
        new byte[0]);
    Await.until(
        () -> js.streams().info(stream).state().lastSeq() >= 5, WAIT, "several samples taken");
    assertEquals(1, countOn(subject("sampled")), "rolled up to the latest sample");
    assertEquals(
        "21.5", new String(js.streams().getLastMessage(stream, subject("sampled")).data(), UTF_8));
  }

  @Test
  void theServerRefusalsAndTheLevelGateAreClear() {
    createStream();
    JetStreamApiException e =
        assertThrows(
            JetStreamApiException.class,
            () ->
                js.schedule(
                    subject("sched.x"),
                    MessageSchedule.every(Duration.ofSeconds(5)).target("elsewhere.x").build(),
                    null,
                    new byte[0]));
    assertEquals(JetStreamApiException.MESSAGE_SCHEDULES_TARGET_INVALID, e.errorCode());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            js.schedule(
                subject("x"),
                MessageSchedule.every(Duration.ofSeconds(5)).target(subject("x")).build(),
                null,
                new byte[0]));
    JetStream level2 = JetStream.of(nc, JetStreamOptions.builder().assumeApiLevelAtMost(2).build());
    ApiLevelException tooNew =
        assertThrows(
            ApiLevelException.class,
            () ->
                level2.schedule(
                    subject("sched.c"),
                    MessageSchedule.cron("0 0 * * * *").target(subject("t")).build(),
                    null,
                    new byte[0]));
    assertEquals(4, tooNew.requiredLevel());
    // @at works at level 2
    assertTrue(
        level2
                .schedule(
                    subject("sched.a"),
                    MessageSchedule.at(Instant.now().plusSeconds(3600))
                        .target(subject("t"))
                        .build(),
                    null,
                    new byte[0])
                .seq()
            > 0);
    level2.close();
  }
}
