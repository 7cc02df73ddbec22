package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one priority group of a pull consumer (ADR-42).
 *
 * <p>Thread-safety: immutable.
 */
public final class PriorityGroupState {
  private final String group;
  private final String pinnedClientId;
  private final Instant pinnedTs;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private PriorityGroupState() {
    this(null, null, null);
  }

  PriorityGroupState(String group, String pinnedClientId, Instant pinnedTs) {
    this.group = group;
    this.pinnedClientId = pinnedClientId;
    this.pinnedTs = pinnedTs;
  }

  /**
   * Returns the group name.
   *
   * @return the group name
   */
  public String group() {
    return group;
  }

  /**
   * Returns the id of the pinned client, null if none.
   *
   * @return the id of the pinned client, null if none
   */
  public String pinnedClientId() {
    return pinnedClientId;
  }

  /**
   * Returns when the client was pinned, null if none.
   *
   * @return when the client was pinned, null if none
   */
  public Instant pinnedTs() {
    return pinnedTs;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PriorityGroupState)) {
      return false;
    }
    PriorityGroupState that = (PriorityGroupState) o;
    return Objects.equals(group, that.group)
        && Objects.equals(pinnedClientId, that.pinnedClientId)
        && Objects.equals(pinnedTs, that.pinnedTs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, pinnedClientId, pinnedTs);
  }

  @Override
  public String toString() {
    return "PriorityGroupState["
        + "group="
        + group
        + ", "
        + "pinnedClientId="
        + pinnedClientId
        + ", "
        + "pinnedTs="
        + pinnedTs
        + "]";
  }
}
