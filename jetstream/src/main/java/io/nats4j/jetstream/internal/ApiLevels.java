package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ApiLevelException;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.PriorityPolicy;
import io.nats4j.jetstream.StreamConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Which configuration fields and headers need which JetStream API level (ADR-44), and the check
 * that refuses them for a server whose INFO {@code api_lvl} is lower.
 *
 * <p>Thread-safety: stateless.
 */
public final class ApiLevels {
  /** The API level of {@code Nats-TTL}, message TTL and delete markers, pause, priority groups. */
  public static final int TTL_PAUSE_PRIORITY = 1;

  /** The API level of counters, atomic batches, schedules, persist mode, prioritized policy. */
  public static final int COUNTERS_ATOMIC_SCHEDULES = 2;

  /** The API level of fast-ingest batches and the flow-control ack policy. */
  public static final int FAST_BATCH_ACK_FLOW_CONTROL = 4;

  /** A field (or header) in use and the level it needs. */
  public record Requirement(String feature, int level) {}

  private ApiLevels() {}

  /**
   * Lists the fields of a stream configuration that need an API level above 0.
   *
   * @param config the configuration
   * @return the requirements, empty if the config works on any JetStream server
   */
  public static List<Requirement> of(StreamConfig config) {
    List<Requirement> r = new ArrayList<>();
    if (config.allowMsgTtl()) {
      r.add(new Requirement("allow_msg_ttl", TTL_PAUSE_PRIORITY));
    }
    if (config.subjectDeleteMarkerTtl() != null && !config.subjectDeleteMarkerTtl().isZero()) {
      r.add(new Requirement("subject_delete_marker_ttl", TTL_PAUSE_PRIORITY));
    }
    if (config.allowMsgCounter()) {
      r.add(new Requirement("allow_msg_counter", COUNTERS_ATOMIC_SCHEDULES));
    }
    if (config.allowAtomic()) {
      r.add(new Requirement("allow_atomic", COUNTERS_ATOMIC_SCHEDULES));
    }
    if (config.allowMsgSchedules()) {
      r.add(new Requirement("allow_msg_schedules", COUNTERS_ATOMIC_SCHEDULES));
    }
    if (config.persistMode() != null) {
      r.add(new Requirement("persist_mode", COUNTERS_ATOMIC_SCHEDULES));
    }
    if (config.allowBatched()) {
      r.add(new Requirement("allow_batched", FAST_BATCH_ACK_FLOW_CONTROL));
    }
    return r;
  }

  /**
   * Lists the fields of a consumer configuration that need an API level above 0.
   *
   * @param config the configuration
   * @return the requirements
   */
  public static List<Requirement> of(ConsumerConfig config) {
    List<Requirement> r = new ArrayList<>();
    if (config.pauseUntil() != null) {
      r.add(new Requirement("pause_until", TTL_PAUSE_PRIORITY));
    }
    if (!config.priorityGroups().isEmpty()) {
      r.add(new Requirement("priority_groups", TTL_PAUSE_PRIORITY));
    }
    if (config.priorityPolicy() != null) {
      r.add(
          new Requirement(
              "priority_policy",
              config.priorityPolicy() == PriorityPolicy.PRIORITIZED
                  ? COUNTERS_ATOMIC_SCHEDULES
                  : TTL_PAUSE_PRIORITY));
    }
    if (config.priorityTimeout() != null && !config.priorityTimeout().isZero()) {
      r.add(new Requirement("priority_timeout", TTL_PAUSE_PRIORITY));
    }
    if (config.ackPolicy() == AckPolicy.FLOW_CONTROL) {
      r.add(new Requirement("ack_policy flow_control", FAST_BATCH_ACK_FLOW_CONTROL));
    }
    return r;
  }

  /**
   * Returns the highest level among the requirements.
   *
   * @param requirements the requirements
   * @return the level, 0 if none
   */
  public static int highest(List<Requirement> requirements) {
    int level = 0;
    for (Requirement r : requirements) {
      level = Math.max(level, r.level());
    }
    return level;
  }

  /**
   * Refuses the first requirement the server's level does not meet.
   *
   * @param requirements the requirements
   * @param serverLevel the server's {@code api_lvl}
   * @throws ApiLevelException naming the field and the server version it needs
   */
  public static void check(List<Requirement> requirements, int serverLevel) {
    for (Requirement r : requirements) {
      if (r.level() > serverLevel) {
        throw new ApiLevelException(r.feature(), r.level(), serverLevel);
      }
    }
  }

  /**
   * The server's API level from its INFO. Servers from 2.12 announce it ({@code api_lvl}); 2.11
   * servers are at level 1 (per-message TTL, pause, priority groups) but do not say so in INFO, so
   * their version decides. Older servers, or an unreadable version, are at level 0.
   *
   * @param announced the INFO's {@code api_lvl}, 0 when absent
   * @param version the INFO's {@code version}, e.g. {@code 2.11.17}, or null
   * @return the level to gate requests with
   */
  public static int ofServer(int announced, String version) {
    if (announced > 0 || version == null) {
      return Math.max(announced, 0);
    }
    String[] parts = version.split("[.+-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return major > 2 || (major == 2 && minor >= 11) ? TTL_PAUSE_PRIORITY : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
