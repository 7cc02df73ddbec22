package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.PriorityPull;
import java.util.ArrayList;
import java.util.List;

/**
 * The API levels the priority-group fields of a pull request need (ADR-42, ADR-44): a group ({@code
 * overflow}, {@code pinned_client}) level 1, nats-server 2.11; a priority ({@code prioritized})
 * level 2, nats-server 2.12. A lower server ignores or rejects the fields silently (the pull would
 * just wait), so the client refuses before anything is sent.
 */
public final class PriorityLevels {
  private PriorityLevels() {}

  /**
   * Returns the requirements of a pull's priority fields.
   *
   * @param priority the fields, or null for none
   * @return the requirements, empty when there are none
   */
  public static List<ApiLevels.Requirement> of(PriorityPull priority) {
    if (priority == null) {
      return List.of();
    }
    List<ApiLevels.Requirement> r = new ArrayList<>(2);
    r.add(new ApiLevels.Requirement("pull priority group", ApiLevels.TTL_PAUSE_PRIORITY));
    if (priority.priority() >= 0) {
      r.add(
          new ApiLevels.Requirement(
              "pull priority (prioritized policy)", ApiLevels.COUNTERS_ATOMIC_SCHEDULES));
    }
    return r;
  }
}
