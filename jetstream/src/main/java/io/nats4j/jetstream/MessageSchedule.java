package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.internal.ApiLevels;
import io.nats4j.jetstream.internal.batch.CronSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message schedule (ADR-51, stream option {@code allow_msg_schedules}): the stream holds the
 * schedule message on its own subject and publishes its body (and headers) to the target subject at
 * the scheduled times. Validated when built, so the server's refusals (10189 pattern, 10190 target,
 * 10191 TTL, 10192 rollup, 10203 source, 10223 time zone) are caught before sending.
 *
 * <pre>{@code
 * js.schedule("schedules.orders.o-17",
 *     MessageSchedule.at(Instant.now().plusSeconds(60)).target("orders.remind").build(),
 *     null, body);
 * js.schedule("schedules.report",
 *     MessageSchedule.cron("0 0 6 * * mon-fri").timeZone(ZoneId.of("Europe/Amsterdam"))
 *         .target("reports.daily").ttl(Duration.ofHours(1)).build(),
 *     null, body);
 * js.schedule("schedules.sample.temp",
 *     MessageSchedule.every(Duration.ofMinutes(5)).source("sensors.temp")
 *         .target("sensors.sampled.temp").build(),
 *     null, new byte[0]);
 * }</pre>
 *
 * <p>One schedule per subject: publishing a schedule to a subject replaces the one there (the
 * server rolls the subject up); to stop a schedule, purge its subject. {@code @at} schedules need
 * nats-server 2.12 (API level 2); cron, {@code @every}, the predefined forms, source sampling, time
 * zones and rollup need 2.14 (API level 4). A TTL needs {@code allow_msg_ttl} on the stream.
 *
 * <p>Thread-safety: immutable.
 */
public final class MessageSchedule {
  /** The schedule header. */
  public static final String SCHEDULE = "Nats-Schedule";

  /** The target subject header. */
  public static final String TARGET = "Nats-Schedule-Target";

  /** The source (sampling) subject header. */
  public static final String SOURCE = "Nats-Schedule-Source";

  /** The TTL header of the produced messages. */
  public static final String TTL = "Nats-Schedule-TTL";

  /** The cron time zone header. */
  public static final String TIME_ZONE = "Nats-Schedule-Time-Zone";

  /** The rollup header of the produced messages. */
  public static final String ROLLUP = "Nats-Schedule-Rollup";

  /** The predefined schedules. */
  public enum Predefined {
    /** Midnight, January 1st ({@code @yearly}). */
    YEARLY("@yearly"),
    /** Midnight, first of the month ({@code @monthly}). */
    MONTHLY("@monthly"),
    /** Midnight between Saturday and Sunday ({@code @weekly}). */
    WEEKLY("@weekly"),
    /** Midnight ({@code @daily}). */
    DAILY("@daily"),
    /** The beginning of every hour ({@code @hourly}). */
    HOURLY("@hourly");

    private final String pattern;

    Predefined(String pattern) {
      this.pattern = pattern;
    }

    /**
     * Returns the pattern as sent.
     *
     * @return e.g. {@code @hourly}
     */
    public String pattern() {
      return pattern;
    }
  }

  private enum Kind {
    AT,
    EVERY,
    CRON
  }

  private final Kind kind;
  private final String pattern;
  private final String target;
  private final String source;
  private final Duration ttl;
  private final ZoneId timeZone;
  private final boolean rollupSubject;

  private MessageSchedule(Builder b) {
    this.kind = b.kind;
    this.pattern = b.pattern;
    this.target = b.target;
    this.source = b.source;
    this.ttl = b.ttl;
    this.timeZone = b.timeZone;
    this.rollupSubject = b.rollupSubject;
  }

  /**
   * Starts a single delayed message at a time ({@code @at}; a time in the past fires at once).
   * Sub-second precision is dropped.
   *
   * @param time when to publish
   * @return a builder
   */
  public static Builder at(Instant time) {
    Objects.requireNonNull(time, "time");
    return new Builder(Kind.AT, "@at " + time.truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Starts a schedule repeating at a fixed interval ({@code @every}), from when it is stored.
   *
   * @param interval at least one second, whole milliseconds
   * @return a builder
   * @throws IllegalArgumentException if shorter than a second
   */
  public static Builder every(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "an @every interval must be at least 1s (the server refuses shorter ones), was "
              + interval);
    }
    long ms = interval.toMillis();
    String go = ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    return new Builder(Kind.EVERY, "@every " + go);
  }

  /**
   * Starts a cron schedule: six fields, seconds first ({@code 0 0/5 * * * *}: every five minutes).
   *
   * @param expression the expression
   * @return a builder
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static Builder cron(String expression) {
    CronSpec.validate(expression);
    return new Builder(Kind.CRON, expression.trim().replaceAll("\\s+", " "));
  }

  /**
   * Starts a predefined cron schedule.
   *
   * @param predefined e.g. {@link Predefined#HOURLY}
   * @return a builder
   */
  public static Builder predefined(Predefined predefined) {
    return new Builder(Kind.CRON, Objects.requireNonNull(predefined, "predefined").pattern());
  }

  /**
   * Returns the {@code Nats-Schedule} value.
   *
   * @return e.g. {@code @at 2026-12-06T15:00:00Z}, {@code @every 5s}, {@code 0 0 * * * *}
   */
  public String pattern() {
    return pattern;
  }

  /**
   * Returns the subject the produced messages go to.
   *
   * @return the target
   */
  public String target() {
    return target;
  }

  /**
   * Returns the subject whose last message is published instead of the schedule's body, or null.
   *
   * @return the source or null
   */
  public String source() {
    return source;
  }

  /**
   * Returns the TTL of the produced messages, or null.
   *
   * @return the TTL or null
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Returns the cron time zone, or null for UTC.
   *
   * @return the zone or null
   */
  public ZoneId timeZone() {
    return timeZone;
  }

  /**
   * Returns true if each produced message replaces the earlier ones on its subject.
   *
   * @return true for {@code Nats-Schedule-Rollup: sub}
   */
  public boolean rollupSubject() {
    return rollupSubject;
  }

  /**
   * Checks the schedule against the stream subject it is published to.
   *
   * @param subject the schedule's own subject
   * @throws IllegalArgumentException if the target or source equals it
   */
  void checkSubject(String subject) {
    if (target.equals(subject)) {
      throw new IllegalArgumentException(
          "the schedule target must differ from the schedule's subject " + subject);
    }
    if (subject.equals(source)) {
      throw new IllegalArgumentException(
          "the schedule source must differ from the schedule's subject " + subject);
    }
  }

  /** What each header needs from the server. */
  List<ApiLevels.Requirement> requirements() {
    List<ApiLevels.Requirement> r = new ArrayList<>();
    r.add(
        new ApiLevels.Requirement(
            SCHEDULE + " " + (kind == Kind.AT ? "@at" : kind == Kind.EVERY ? "@every" : "cron"),
            kind == Kind.AT
                ? ApiLevels.COUNTERS_ATOMIC_SCHEDULES
                : ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL));
    if (source != null) {
      r.add(new ApiLevels.Requirement(SOURCE, ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL));
    }
    if (timeZone != null) {
      r.add(new ApiLevels.Requirement(TIME_ZONE, ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL));
    }
    if (rollupSubject) {
      r.add(new ApiLevels.Requirement(ROLLUP, ApiLevels.FAST_BATCH_ACK_FLOW_CONTROL));
    }
    return r;
  }

  /** Adds the schedule headers to a copy of the user's headers. */
  Headers headers(Headers user) {
    Headers h = new Headers();
    if (user != null) {
      for (String key : user.keys()) {
        h.add(key, user.get(key).toArray(new String[0]));
      }
    }
    h.put(SCHEDULE, pattern).put(TARGET, target);
    if (source != null) {
      h.put(SOURCE, source);
    }
    if (ttl != null) {
      h.put(TTL, ttl.toSeconds() + "s");
    }
    if (timeZone != null) {
      h.put(TIME_ZONE, timeZone.equals(ZoneOffset.UTC) ? "UTC" : timeZone.getId());
    }
    if (rollupSubject) {
      h.put(ROLLUP, "sub");
    }
    return h;
  }

  @Override
  public String toString() {
    return "MessageSchedule["
        + pattern
        + " -> "
        + target
        + (source == null ? "" : ", source=" + source)
        + (ttl == null ? "" : ", ttl=" + ttl)
        + (timeZone == null ? "" : ", timeZone=" + timeZone)
        + (rollupSubject ? ", rollup=sub" : "")
        + "]";
  }

  /**
   * Builds a {@link MessageSchedule}; {@link #build()} checks the whole.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private final Kind kind;
    private final String pattern;
    private String target;
    private String source;
    private Duration ttl;
    private ZoneId timeZone;
    private boolean rollupSubject;

    private Builder(Kind kind, String pattern) {
      this.kind = kind;
      this.pattern = pattern;
    }

    /**
     * Sets the subject the produced messages go to (required): a subject of the same stream, no
     * wildcards.
     *
     * @param target the subject
     * @return this
     */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /**
     * Samples a subject: each firing publishes the last message on {@code source} (or the
     * schedule's own body if there is none) to the target. A subject of the same stream, no
     * wildcards.
     *
     * @param source the subject, or null for none
     * @return this
     */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Sets the TTL of the produced messages (the stream needs {@code allow_msg_ttl}).
     *
     * @param ttl whole seconds, at least one; null for none
     * @return this
     */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the time zone a cron schedule runs in (default UTC); not for {@code @at} or {@code
     * @every}. Use region ids such as {@code Europe/Amsterdam}: the server resolves them with its
     * own tz database and does not accept fixed offsets.
     *
     * @param timeZone the zone, or null for UTC
     * @return this
     */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    /**
     * Makes each produced message replace the earlier ones on the target ({@code
     * Nats-Schedule-Rollup: sub}).
     *
     * @param rollupSubject true to roll the target subject up
     * @return this
     */
    public Builder rollupSubject(boolean rollupSubject) {
      this.rollupSubject = rollupSubject;
      return this;
    }

    /**
     * Checks and builds the schedule.
     *
     * @return the schedule
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public MessageSchedule build() {
      checkSubject("target", target, true);
      checkSubject("source", source, false);
      if (source != null && source.equals(target)) {
        throw new IllegalArgumentException(
            "the schedule source must differ from its target, both are " + target);
      }
      if (ttl != null) {
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
          throw new IllegalArgumentException("a schedule TTL must be at least 1s, was " + ttl);
        }
        if (ttl.toNanos() % 1_000_000_000L != 0) {
          throw new IllegalArgumentException("a schedule TTL must be whole seconds, was " + ttl);
        }
      }
      if (timeZone != null) {
        if (kind != Kind.CRON) {
          throw new IllegalArgumentException(
              "a time zone only applies to cron schedules, not to " + pattern);
        }
        if (timeZone instanceof ZoneOffset && !timeZone.getId().equals("Z")) {
          throw new IllegalArgumentException(
              "the server does not accept fixed offsets ("
                  + timeZone
                  + ") as a schedule time zone: use a region id such as Europe/Amsterdam");
        }
      }
      return new MessageSchedule(this);
    }

    private static void checkSubject(String what, String subject, boolean required) {
      if (subject == null) {
        if (required) {
          throw new IllegalArgumentException("a schedule " + what + " subject is required");
        }
        return;
      }
      if (subject.isEmpty()
          || subject.startsWith(".")
          || subject.endsWith(".")
          || subject.contains("..")) {
        throw new IllegalArgumentException(
            "the schedule " + what + " '" + subject + "' is not a valid subject");
      }
      for (int i = 0; i < subject.length(); i++) {
        char c = subject.charAt(i);
        if (c <= ' ' || c == 0x7f) {
          throw new IllegalArgumentException(
              "the schedule "
                  + what
                  + " '"
                  + subject
                  + "' contains whitespace or a control character");
        }
      }
      for (String token : subject.split("\\.")) {
        if (token.equals("*") || token.equals(">")) {
          throw new IllegalArgumentException(
              "the schedule " + what + " '" + subject + "' has a wildcard; name one subject");
        }
      }
    }
  }
}
