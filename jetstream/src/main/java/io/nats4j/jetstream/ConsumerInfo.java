package io.nats4j.jetstream;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A consumer's configuration and state, as answered by consumer create, info and list.
 *
 * <p>Thread-safety: immutable.
 *
 * @param streamName the stream
 * @param name the consumer name
 * @param created when the consumer was created
 * @param config the configuration (with the server's defaults filled in)
 * @param delivered the last delivered position
 * @param ackFloor the position up to which everything is acknowledged
 * @param numAckPending messages delivered and not yet acknowledged
 * @param numRedelivered messages redelivered
 * @param numWaiting waiting pull requests
 * @param numPending messages left to deliver
 * @param cluster the leader and replicas, null when not clustered
 * @param pushBound push consumers: true if a subscriber is bound
 * @param paused true if paused
 * @param pauseRemaining how long the pause still lasts, null if not paused
 * @param timestamp when the server gathered this information
 * @param priorityGroups the state of each priority group
 */
public record ConsumerInfo(
    String streamName,
    String name,
    Instant created,
    ConsumerConfig config,
    SequenceInfo delivered,
    SequenceInfo ackFloor,
    long numAckPending,
    long numRedelivered,
    long numWaiting,
    long numPending,
    ClusterInfo cluster,
    boolean pushBound,
    boolean paused,
    Duration pauseRemaining,
    @JsonProperty("ts") Instant timestamp,
    List<PriorityGroupState> priorityGroups) {
  /** Copies the list. */
  public ConsumerInfo {
    priorityGroups = priorityGroups == null ? List.of() : List.copyOf(priorityGroups);
  }
}
