package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A consumer's configuration and state, as answered by consumer create, info and list.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConsumerInfo {
  private final String streamName;
  private final String name;
  private final Instant created;
  private final ConsumerConfig config;
  private final SequenceInfo delivered;
  private final SequenceInfo ackFloor;
  private final long numAckPending;
  private final long numRedelivered;
  private final long numWaiting;
  private final long numPending;
  private final ClusterInfo cluster;
  private final boolean pushBound;
  private final boolean paused;
  private final Duration pauseRemaining;
  private final Instant ts;
  private final List<PriorityGroupState> priorityGroups;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ConsumerInfo() {
    this(null, null, null, null, null, null, 0, 0, 0, 0, null, false, false, null, null, null);
  }

  ConsumerInfo(
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
      Instant timestamp,
      List<PriorityGroupState> priorityGroups) {
    priorityGroups = priorityGroups == null ? List.of() : List.copyOf(priorityGroups);
    this.streamName = streamName;
    this.name = name;
    this.created = created;
    this.config = config;
    this.delivered = delivered;
    this.ackFloor = ackFloor;
    this.numAckPending = numAckPending;
    this.numRedelivered = numRedelivered;
    this.numWaiting = numWaiting;
    this.numPending = numPending;
    this.cluster = cluster;
    this.pushBound = pushBound;
    this.paused = paused;
    this.pauseRemaining = pauseRemaining;
    this.ts = timestamp;
    this.priorityGroups = priorityGroups;
  }

  /**
   * Returns the stream.
   *
   * @return the stream
   */
  public String streamName() {
    return streamName;
  }

  /**
   * Returns the consumer name.
   *
   * @return the consumer name
   */
  public String name() {
    return name;
  }

  /**
   * Returns when the consumer was created.
   *
   * @return when the consumer was created
   */
  public Instant created() {
    return created;
  }

  /**
   * Returns the configuration (with the server's defaults filled in).
   *
   * @return the configuration (with the server's defaults filled in)
   */
  public ConsumerConfig config() {
    return config;
  }

  /**
   * Returns the last delivered position.
   *
   * @return the last delivered position
   */
  public SequenceInfo delivered() {
    return delivered;
  }

  /**
   * Returns the position up to which everything is acknowledged.
   *
   * @return the position up to which everything is acknowledged
   */
  public SequenceInfo ackFloor() {
    return ackFloor;
  }

  /**
   * Returns messages delivered and not yet acknowledged.
   *
   * @return messages delivered and not yet acknowledged
   */
  public long numAckPending() {
    return numAckPending;
  }

  /**
   * Returns messages redelivered.
   *
   * @return messages redelivered
   */
  public long numRedelivered() {
    return numRedelivered;
  }

  /**
   * Returns waiting pull requests.
   *
   * @return waiting pull requests
   */
  public long numWaiting() {
    return numWaiting;
  }

  /**
   * Returns messages left to deliver.
   *
   * @return messages left to deliver
   */
  public long numPending() {
    return numPending;
  }

  /**
   * Returns the leader and replicas, null when not clustered.
   *
   * @return the leader and replicas, null when not clustered
   */
  public ClusterInfo cluster() {
    return cluster;
  }

  /**
   * Returns push consumers: true if a subscriber is bound.
   *
   * @return push consumers: true if a subscriber is bound
   */
  public boolean pushBound() {
    return pushBound;
  }

  /**
   * Returns true if paused.
   *
   * @return true if paused
   */
  public boolean paused() {
    return paused;
  }

  /**
   * Returns how long the pause still lasts, null if not paused.
   *
   * @return how long the pause still lasts, null if not paused
   */
  public Duration pauseRemaining() {
    return pauseRemaining;
  }

  /**
   * Returns when the server gathered this information.
   *
   * @return when the server gathered this information
   */
  public Instant timestamp() {
    return ts;
  }

  /**
   * Returns the state of each priority group.
   *
   * @return the state of each priority group
   */
  public List<PriorityGroupState> priorityGroups() {
    return priorityGroups == null ? List.of() : Collections.unmodifiableList(priorityGroups);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerInfo)) {
      return false;
    }
    ConsumerInfo that = (ConsumerInfo) o;
    return Objects.equals(streamName, that.streamName)
        && Objects.equals(name, that.name)
        && Objects.equals(created, that.created)
        && Objects.equals(config, that.config)
        && Objects.equals(delivered, that.delivered)
        && Objects.equals(ackFloor, that.ackFloor)
        && numAckPending == that.numAckPending
        && numRedelivered == that.numRedelivered
        && numWaiting == that.numWaiting
        && numPending == that.numPending
        && Objects.equals(cluster, that.cluster)
        && pushBound == that.pushBound
        && paused == that.paused
        && Objects.equals(pauseRemaining, that.pauseRemaining)
        && Objects.equals(ts, that.ts)
        && Objects.equals(priorityGroups(), that.priorityGroups());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        streamName,
        name,
        created,
        config,
        delivered,
        ackFloor,
        numAckPending,
        numRedelivered,
        numWaiting,
        numPending,
        cluster,
        pushBound,
        paused,
        pauseRemaining,
        ts,
        priorityGroups());
  }

  @Override
  public String toString() {
    return "ConsumerInfo["
        + "streamName="
        + streamName
        + ", "
        + "name="
        + name
        + ", "
        + "created="
        + created
        + ", "
        + "config="
        + config
        + ", "
        + "delivered="
        + delivered
        + ", "
        + "ackFloor="
        + ackFloor
        + ", "
        + "numAckPending="
        + numAckPending
        + ", "
        + "numRedelivered="
        + numRedelivered
        + ", "
        + "numWaiting="
        + numWaiting
        + ", "
        + "numPending="
        + numPending
        + ", "
        + "cluster="
        + cluster
        + ", "
        + "pushBound="
        + pushBound
        + ", "
        + "paused="
        + paused
        + ", "
        + "pauseRemaining="
        + pauseRemaining
        + ", "
        + "timestamp="
        + ts
        + ", "
        + "priorityGroups="
        + priorityGroups()
        + "]";
  }
}
