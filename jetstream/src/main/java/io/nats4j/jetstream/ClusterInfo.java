package io.nats4j.jetstream;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The cluster that serves a stream or consumer: the leader and the other replicas.
 *
 * <p>Thread-safety: immutable.
 */
public final class ClusterInfo {
  private final String name;
  private final String raftGroup;
  private final String leader;
  private final List<PeerInfo> replicas;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ClusterInfo() {
    this(null, null, null, null);
  }

  ClusterInfo(String name, String raftGroup, String leader, List<PeerInfo> replicas) {
    replicas = replicas == null ? List.of() : List.copyOf(replicas);
    this.name = name;
    this.raftGroup = raftGroup;
    this.leader = leader;
    this.replicas = replicas;
  }

  /**
   * Returns the cluster name.
   *
   * @return the cluster name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the RAFT group name.
   *
   * @return the RAFT group name
   */
  public String raftGroup() {
    return raftGroup;
  }

  /**
   * Returns the server name of the leader.
   *
   * @return the server name of the leader
   */
  public String leader() {
    return leader;
  }

  /**
   * Returns the other replicas.
   *
   * @return the other replicas
   */
  public List<PeerInfo> replicas() {
    return replicas == null ? List.of() : Collections.unmodifiableList(replicas);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClusterInfo)) {
      return false;
    }
    ClusterInfo that = (ClusterInfo) o;
    return Objects.equals(name, that.name)
        && Objects.equals(raftGroup, that.raftGroup)
        && Objects.equals(leader, that.leader)
        && Objects.equals(replicas(), that.replicas());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, raftGroup, leader, replicas());
  }

  @Override
  public String toString() {
    return "ClusterInfo["
        + "name="
        + name
        + ", "
        + "raftGroup="
        + raftGroup
        + ", "
        + "leader="
        + leader
        + ", "
        + "replicas="
        + replicas()
        + "]";
  }
}
