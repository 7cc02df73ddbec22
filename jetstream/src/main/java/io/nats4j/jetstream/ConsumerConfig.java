package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a consumer, exactly as the server's {@code ConsumerConfig} JSON.
 *
 * <pre>{@code
 * ConsumerConfig config = ConsumerConfig.builder()
 *     .durableName("worker")
 *     .ackPolicy(AckPolicy.EXPLICIT)
 *     .filterSubject("orders.eu.>")
 *     .build();
 * }</pre>
 *
 * <p>Unset values (null, 0, {@code false}, empty) are not sent. Fields that need a newer server are
 * checked against the connected server's API level before anything is sent: {@code pause_until},
 * {@code priority_groups}, {@code priority_policy} and {@code priority_timeout} need level 1
 * (2.11), the prioritized policy level 2 (2.12), the flow-control ack policy level 4 (2.14).
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 *
 * @param name the consumer name (durable or not); null lets the server pick one
 * @param durableName the durable name (legacy); equal to {@code name} when both are set
 * @param description free text
 * @param deliverPolicy where the consumer starts, null for all
 * @param optStartSeq the start sequence for {@link DeliverPolicy#BY_START_SEQUENCE}
 * @param optStartTime the start time for {@link DeliverPolicy#BY_START_TIME}
 * @param ackPolicy the ack policy, null for the server's default (explicit for new pull consumers)
 * @param ackWait how long the server waits for an ack before redelivering
 * @param maxDeliver the most deliveries of one message, -1 for unlimited
 * @param backoff redelivery delays, one per attempt
 * @param filterSubject only messages matching this subject
 * @param filterSubjects only messages matching any of these subjects (ADR-34)
 * @param replayPolicy instant or original
 * @param rateLimitBps push consumers: the delivery rate limit in bits per second
 * @param sampleFreq the percentage of acks sampled as advisories, e.g. {@code "50%"}
 * @param maxWaiting pull consumers: the most waiting pull requests
 * @param maxAckPending the most messages delivered but not acknowledged, -1 for unlimited
 * @param flowControl push consumers: flow control
 * @param headersOnly deliver headers (and the size) without the payload
 * @param maxBatch pull consumers: the largest batch one pull may ask for
 * @param maxExpires pull consumers: the longest expiry one pull may ask for
 * @param maxBytes pull consumers: the most bytes one pull may ask for
 * @param deliverSubject push consumers: the subject messages are delivered to
 * @param deliverGroup push consumers: the queue group
 * @param idleHeartbeat push consumers: the idle heartbeat interval
 * @param inactiveThreshold how long an idle consumer lives before the server deletes it
 * @param numReplicas the replica count, 0 to inherit the stream's
 * @param memStorage true to keep the consumer state in memory
 * @param metadata free key/value metadata; the server adds {@code _nats.*} keys
 * @param pauseUntil the consumer delivers nothing until this time (API level 1)
 * @param priorityGroups the priority group names (API level 1, ADR-42)
 * @param priorityPolicy how a priority group picks a client (API level 1; prioritized needs 2)
 * @param priorityTimeout how long a pinned client stays pinned without pulling (API level 1)
 */
public record ConsumerConfig(
    String name,
    String durableName,
    String description,
    DeliverPolicy deliverPolicy,
    long optStartSeq,
    Instant optStartTime,
    AckPolicy ackPolicy,
    Duration ackWait,
    long maxDeliver,
    List<Duration> backoff,
    String filterSubject,
    List<String> filterSubjects,
    ReplayPolicy replayPolicy,
    long rateLimitBps,
    String sampleFreq,
    long maxWaiting,
    long maxAckPending,
    boolean flowControl,
    boolean headersOnly,
    long maxBatch,
    Duration maxExpires,
    long maxBytes,
    String deliverSubject,
    String deliverGroup,
    Duration idleHeartbeat,
    Duration inactiveThreshold,
    int numReplicas,
    boolean memStorage,
    Map<String, String> metadata,
    Instant pauseUntil,
    List<String> priorityGroups,
    PriorityPolicy priorityPolicy,
    Duration priorityTimeout) {

  /** Copies the collections so the record stays immutable. */
  public ConsumerConfig {
    backoff = backoff == null ? List.of() : List.copyOf(backoff);
    filterSubjects = filterSubjects == null ? List.of() : List.copyOf(filterSubjects);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    priorityGroups = priorityGroups == null ? List.of() : List.copyOf(priorityGroups);
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with every value of this configuration, to change some and update the
   * consumer.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.durableName = durableName;
    b.description = description;
    b.deliverPolicy = deliverPolicy;
    b.optStartSeq = optStartSeq;
    b.optStartTime = optStartTime;
    b.ackPolicy = ackPolicy;
    b.ackWait = ackWait;
    b.maxDeliver = maxDeliver;
    b.backoff = new ArrayList<>(backoff);
    b.filterSubject = filterSubject;
    b.filterSubjects = new ArrayList<>(filterSubjects);
    b.replayPolicy = replayPolicy;
    b.rateLimitBps = rateLimitBps;
    b.sampleFreq = sampleFreq;
    b.maxWaiting = maxWaiting;
    b.maxAckPending = maxAckPending;
    b.flowControl = flowControl;
    b.headersOnly = headersOnly;
    b.maxBatch = maxBatch;
    b.maxExpires = maxExpires;
    b.maxBytes = maxBytes;
    b.deliverSubject = deliverSubject;
    b.deliverGroup = deliverGroup;
    b.idleHeartbeat = idleHeartbeat;
    b.inactiveThreshold = inactiveThreshold;
    b.numReplicas = numReplicas;
    b.memStorage = memStorage;
    b.metadata = new LinkedHashMap<>(metadata);
    b.pauseUntil = pauseUntil;
    b.priorityGroups = new ArrayList<>(priorityGroups);
    b.priorityPolicy = priorityPolicy;
    b.priorityTimeout = priorityTimeout;
    return b;
  }

  /**
   * Returns the name the server knows the consumer by: {@code name}, else {@code durableName}.
   *
   * @return the name, or null for an ephemeral consumer whose name the server picks
   */
  public String effectiveName() {
    return name != null ? name : durableName;
  }

  /**
   * Builds a {@link ConsumerConfig}; every setter returns this builder.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String name;
    private String durableName;
    private String description;
    private DeliverPolicy deliverPolicy;
    private long optStartSeq;
    private Instant optStartTime;
    private AckPolicy ackPolicy;
    private Duration ackWait;
    private long maxDeliver;
    private List<Duration> backoff = new ArrayList<>();
    private String filterSubject;
    private List<String> filterSubjects = new ArrayList<>();
    private ReplayPolicy replayPolicy;
    private long rateLimitBps;
    private String sampleFreq;
    private long maxWaiting;
    private long maxAckPending;
    private boolean flowControl;
    private boolean headersOnly;
    private long maxBatch;
    private Duration maxExpires;
    private long maxBytes;
    private String deliverSubject;
    private String deliverGroup;
    private Duration idleHeartbeat;
    private Duration inactiveThreshold;
    private int numReplicas;
    private boolean memStorage;
    private Map<String, String> metadata = new LinkedHashMap<>();
    private Instant pauseUntil;
    private List<String> priorityGroups = new ArrayList<>();
    private PriorityPolicy priorityPolicy;
    private Duration priorityTimeout;

    private Builder() {}

    /**
     * Sets the consumer name.
     *
     * @param name the consumer name (durable or not); null lets the server pick one
     * @return this
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the durable name.
     *
     * @param durableName the durable name (legacy); equal to {@code name} when both are set
     * @return this
     */
    public Builder durableName(String durableName) {
      this.durableName = durableName;
      return this;
    }

    /**
     * Sets free text.
     *
     * @param description free text
     * @return this
     */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets where the consumer starts.
     *
     * @param deliverPolicy where the consumer starts, null for all
     * @return this
     */
    public Builder deliverPolicy(DeliverPolicy deliverPolicy) {
      this.deliverPolicy = deliverPolicy;
      return this;
    }

    /**
     * Sets the start sequence.
     *
     * @param optStartSeq the start sequence for {@link DeliverPolicy#BY_START_SEQUENCE}
     * @return this
     */
    public Builder optStartSeq(long optStartSeq) {
      this.optStartSeq = optStartSeq;
      return this;
    }

    /**
     * Sets the start time.
     *
     * @param optStartTime the start time for {@link DeliverPolicy#BY_START_TIME}
     * @return this
     */
    public Builder optStartTime(Instant optStartTime) {
      this.optStartTime = optStartTime;
      return this;
    }

    /**
     * Sets the ack policy.
     *
     * @param ackPolicy the ack policy, null for the server's default (explicit for new pull
     *     consumers)
     * @return this
     */
    public Builder ackPolicy(AckPolicy ackPolicy) {
      this.ackPolicy = ackPolicy;
      return this;
    }

    /**
     * Sets the ack wait.
     *
     * @param ackWait how long the server waits for an ack before redelivering
     * @return this
     */
    public Builder ackWait(Duration ackWait) {
      this.ackWait = ackWait;
      return this;
    }

    /**
     * Sets the most deliveries.
     *
     * @param maxDeliver the most deliveries of one message, -1 for unlimited
     * @return this
     */
    public Builder maxDeliver(long maxDeliver) {
      this.maxDeliver = maxDeliver;
      return this;
    }

    /**
     * Replaces redelivery delays.
     *
     * @param backoff redelivery delays, one per attempt
     * @return this
     */
    public Builder backoff(Duration... backoff) {
      this.backoff = new ArrayList<>(Arrays.asList(backoff));
      return this;
    }

    /**
     * Replaces redelivery delays.
     *
     * @param backoff redelivery delays, one per attempt
     * @return this
     */
    public Builder backoff(List<Duration> backoff) {
      this.backoff = new ArrayList<>(backoff);
      return this;
    }

    /**
     * Sets the subject filter.
     *
     * @param filterSubject only messages matching this subject
     * @return this
     */
    public Builder filterSubject(String filterSubject) {
      this.filterSubject = filterSubject;
      return this;
    }

    /**
     * Replaces the subject filters.
     *
     * @param filterSubjects only messages matching any of these subjects (ADR-34)
     * @return this
     */
    public Builder filterSubjects(String... filterSubjects) {
      this.filterSubjects = new ArrayList<>(Arrays.asList(filterSubjects));
      return this;
    }

    /**
     * Replaces the subject filters.
     *
     * @param filterSubjects only messages matching any of these subjects (ADR-34)
     * @return this
     */
    public Builder filterSubjects(List<String> filterSubjects) {
      this.filterSubjects = new ArrayList<>(filterSubjects);
      return this;
    }

    /**
     * Sets the replay policy.
     *
     * @param replayPolicy instant or original
     * @return this
     */
    public Builder replayPolicy(ReplayPolicy replayPolicy) {
      this.replayPolicy = replayPolicy;
      return this;
    }

    /**
     * Sets the rate limit.
     *
     * @param rateLimitBps push consumers: the delivery rate limit in bits per second
     * @return this
     */
    public Builder rateLimitBps(long rateLimitBps) {
      this.rateLimitBps = rateLimitBps;
      return this;
    }

    /**
     * Sets the sample frequency.
     *
     * @param sampleFreq the percentage of acks sampled as advisories, e.g. {@code "50%"}
     * @return this
     */
    public Builder sampleFreq(String sampleFreq) {
      this.sampleFreq = sampleFreq;
      return this;
    }

    /**
     * Sets the most waiting pulls.
     *
     * @param maxWaiting pull consumers: the most waiting pull requests
     * @return this
     */
    public Builder maxWaiting(long maxWaiting) {
      this.maxWaiting = maxWaiting;
      return this;
    }

    /**
     * Sets the most unacknowledged.
     *
     * @param maxAckPending the most messages delivered but not acknowledged, -1 for unlimited
     * @return this
     */
    public Builder maxAckPending(long maxAckPending) {
      this.maxAckPending = maxAckPending;
      return this;
    }

    /**
     * Sets true for flow control.
     *
     * @param flowControl push consumers: flow control
     * @return this
     */
    public Builder flowControl(boolean flowControl) {
      this.flowControl = flowControl;
      return this;
    }

    /**
     * Sets true for headers only.
     *
     * @param headersOnly deliver headers (and the size) without the payload
     * @return this
     */
    public Builder headersOnly(boolean headersOnly) {
      this.headersOnly = headersOnly;
      return this;
    }

    /**
     * Sets the largest batch.
     *
     * @param maxBatch pull consumers: the largest batch one pull may ask for
     * @return this
     */
    public Builder maxBatch(long maxBatch) {
      this.maxBatch = maxBatch;
      return this;
    }

    /**
     * Sets the longest expiry.
     *
     * @param maxExpires pull consumers: the longest expiry one pull may ask for
     * @return this
     */
    public Builder maxExpires(Duration maxExpires) {
      this.maxExpires = maxExpires;
      return this;
    }

    /**
     * Sets the most bytes.
     *
     * @param maxBytes pull consumers: the most bytes one pull may ask for
     * @return this
     */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the deliver subject.
     *
     * @param deliverSubject push consumers: the subject messages are delivered to
     * @return this
     */
    public Builder deliverSubject(String deliverSubject) {
      this.deliverSubject = deliverSubject;
      return this;
    }

    /**
     * Sets the queue group.
     *
     * @param deliverGroup push consumers: the queue group
     * @return this
     */
    public Builder deliverGroup(String deliverGroup) {
      this.deliverGroup = deliverGroup;
      return this;
    }

    /**
     * Sets the heartbeat.
     *
     * @param idleHeartbeat push consumers: the idle heartbeat interval
     * @return this
     */
    public Builder idleHeartbeat(Duration idleHeartbeat) {
      this.idleHeartbeat = idleHeartbeat;
      return this;
    }

    /**
     * Sets the inactive threshold.
     *
     * @param inactiveThreshold how long an idle consumer lives before the server deletes it
     * @return this
     */
    public Builder inactiveThreshold(Duration inactiveThreshold) {
      this.inactiveThreshold = inactiveThreshold;
      return this;
    }

    /**
     * Sets the replica count.
     *
     * @param numReplicas the replica count, 0 to inherit the stream's
     * @return this
     */
    public Builder numReplicas(int numReplicas) {
      this.numReplicas = numReplicas;
      return this;
    }

    /**
     * Sets true for memory state.
     *
     * @param memStorage true to keep the consumer state in memory
     * @return this
     */
    public Builder memStorage(boolean memStorage) {
      this.memStorage = memStorage;
      return this;
    }

    /**
     * Adds one metadata entry.
     *
     * @param key the key
     * @param value the value
     * @return this
     */
    public Builder metadata(String key, String value) {
      this.metadata.put(key, value);
      return this;
    }

    /**
     * Replaces the metadata.
     *
     * @param metadata free key/value metadata; the server adds {@code _nats.*} keys
     * @return this
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = new LinkedHashMap<>(metadata);
      return this;
    }

    /**
     * Sets the pause end.
     *
     * @param pauseUntil the consumer delivers nothing until this time (API level 1)
     * @return this
     */
    public Builder pauseUntil(Instant pauseUntil) {
      this.pauseUntil = pauseUntil;
      return this;
    }

    /**
     * Replaces the priority groups.
     *
     * @param priorityGroups the priority group names (API level 1, ADR-42)
     * @return this
     */
    public Builder priorityGroups(String... priorityGroups) {
      this.priorityGroups = new ArrayList<>(Arrays.asList(priorityGroups));
      return this;
    }

    /**
     * Replaces the priority groups.
     *
     * @param priorityGroups the priority group names (API level 1, ADR-42)
     * @return this
     */
    public Builder priorityGroups(List<String> priorityGroups) {
      this.priorityGroups = new ArrayList<>(priorityGroups);
      return this;
    }

    /**
     * Sets the priority policy.
     *
     * @param priorityPolicy how a priority group picks a client (API level 1; prioritized needs 2)
     * @return this
     */
    public Builder priorityPolicy(PriorityPolicy priorityPolicy) {
      this.priorityPolicy = priorityPolicy;
      return this;
    }

    /**
     * Sets the pin timeout.
     *
     * @param priorityTimeout how long a pinned client stays pinned without pulling (API level 1)
     * @return this
     */
    public Builder priorityTimeout(Duration priorityTimeout) {
      this.priorityTimeout = priorityTimeout;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if a name is invalid, or name and durable name differ
     */
    public ConsumerConfig build() {
      if (name != null) {
        Names.requireValidName("consumer name", name);
      }
      if (durableName != null) {
        Names.requireValidName("durable name", durableName);
      }
      if (name != null && durableName != null && !name.equals(durableName)) {
        throw new IllegalArgumentException(
            "consumer name '" + name + "' and durable name '" + durableName + "' must be equal");
      }
      if (filterSubject != null && !filterSubjects.isEmpty()) {
        throw new IllegalArgumentException("set either filterSubject or filterSubjects, not both");
      }
      return new ConsumerConfig(
          name,
          durableName,
          description,
          deliverPolicy,
          optStartSeq,
          optStartTime,
          ackPolicy,
          ackWait,
          maxDeliver,
          backoff,
          filterSubject,
          filterSubjects,
          replayPolicy,
          rateLimitBps,
          sampleFreq,
          maxWaiting,
          maxAckPending,
          flowControl,
          headersOnly,
          maxBatch,
          maxExpires,
          maxBytes,
          deliverSubject,
          deliverGroup,
          idleHeartbeat,
          inactiveThreshold,
          numReplicas,
          memStorage,
          metadata,
          pauseUntil,
          priorityGroups,
          priorityPolicy,
          priorityTimeout);
    }
  }
}
