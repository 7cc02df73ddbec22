package io.nats4j.jetstream;

import java.util.List;

/**
 * The cluster that serves a stream or consumer: the leader and the other replicas.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the cluster name
 * @param raftGroup the RAFT group name
 * @param leader the server name of the leader
 * @param replicas the other replicas
 */
public record ClusterInfo(String name, String raftGroup, String leader, List<PeerInfo> replicas) {
  /** Copies the list. */
  public ClusterInfo {
    replicas = replicas == null ? List.of() : List.copyOf(replicas);
  }
}
