package io.nats4j.jetstream;

import java.util.Objects;

/**
 * The priority-group fields of a pull request (ADR-42, server 2.11+, API level 1): the group, and
 * for {@link PriorityPolicy#OVERFLOW} the {@code min_pending} / {@code min_ack_pending} conditions,
 * for {@code prioritized} the priority (0 highest, 9 lowest). With {@code pinned_client} the pin id
 * the server hands out ({@code Nats-Pin-Id}) is kept and sent with every pull by the consume, and
 * forgotten when the server answers {@code 423}.
 *
 * <p>Thread-safety: immutable.
 */
public final class PriorityPull {
  private final String group;
  private final long minPending;
  private final long minAckPending;
  private final int priority;

  private PriorityPull(String group, long minPending, long minAckPending, int priority) {
    this.group = group;
    this.minPending = minPending;
    this.minAckPending = minAckPending;
    this.priority = priority;
  }

  /**
   * Pulls as a member of a group.
   *
   * @param group the group name, one of the consumer's {@code priority_groups}
   * @return the fields
   * @throws IllegalArgumentException if the group is empty
   */
  public static PriorityPull group(String group) {
    Objects.requireNonNull(group, "group");
    if (group.isEmpty()) {
      throw new IllegalArgumentException("priority group name must not be empty");
    }
    return new PriorityPull(group, 0, 0, -1);
  }

  /**
   * Only get messages while the consumer has at least this many pending (overflow policy).
   *
   * @param minPending the minimum; positive
   * @return a copy with the condition
   */
  public PriorityPull minPending(long minPending) {
    if (minPending <= 0) {
      throw new IllegalArgumentException("minPending must be positive, got " + minPending);
    }
    return new PriorityPull(group, minPending, minAckPending, priority);
  }

  /**
   * Only get messages while the consumer has at least this many unacknowledged (overflow policy).
   *
   * @param minAckPending the minimum; positive
   * @return a copy with the condition
   */
  public PriorityPull minAckPending(long minAckPending) {
    if (minAckPending <= 0) {
      throw new IllegalArgumentException("minAckPending must be positive, got " + minAckPending);
    }
    return new PriorityPull(group, minPending, minAckPending, priority);
  }

  /**
   * Sets the priority (prioritized policy, API level 2).
   *
   * @param priority 0 (highest) to 9
   * @return a copy with the priority
   */
  public PriorityPull priority(int priority) {
    if (priority < 0 || priority > 9) {
      throw new IllegalArgumentException("priority must be 0 to 9, got " + priority);
    }
    return new PriorityPull(group, minPending, minAckPending, priority);
  }

  /**
   * Returns the group.
   *
   * @return the group name
   */
  public String group() {
    return group;
  }

  /**
   * Returns the minimum pending.
   *
   * @return the condition, 0 for none
   */
  public long minPending() {
    return minPending;
  }

  /**
   * Returns the minimum ack pending.
   *
   * @return the condition, 0 for none
   */
  public long minAckPending() {
    return minAckPending;
  }

  /**
   * Returns the priority.
   *
   * @return 0 to 9, or -1 when not set
   */
  public int priority() {
    return priority;
  }
}
