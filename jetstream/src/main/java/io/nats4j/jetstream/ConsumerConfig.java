package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public final class ConsumerConfig {
  private final String name;
  private final String durableName;
  private final String description;
  private final DeliverPolicy deliverPolicy;
  private final long optStartSeq;
  private final Instant optStartTime;
  private final AckPolicy ackPolicy;
  private final Duration ackWait;
  private final long maxDeliver;
  private final List<Duration> backoff;
  private final String filterSubject;
  private final List<String> filterSubjects;
  private final ReplayPolicy replayPolicy;
  private final long rateLimitBps;
  private final String sampleFreq;
  private final long maxWaiting;
  private final long maxAckPending;
  private final boolean flowControl;
  private final boolean headersOnly;
  private final long maxBatch;
  private final Duration maxExpires;
  private final long maxBytes;
  private final String deliverSubject;
  private final String deliverGroup;
  private final Duration idleHeartbeat;
  private final Duration inactiveThreshold;
  private final int numReplicas;
  private final boolean memStorage;
  private final Map<String, String> metadata;
  private final Instant pauseUntil;
  private final List<String> priorityGroups;
  private final PriorityPolicy priorityPolicy;
  private final Duration priorityTimeout;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private ConsumerConfig() {
    this(
        null, null, null, null, 0, null, null, null, 0, null, null, null, null, 0, null, 0, 0,
        false, false, 0, null, 0, null, null, null, null, 0, false, null, null, null, null, null);
  }

  ConsumerConfig(
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
    backoff = backoff == null ? List.of() : List.copyOf(backoff);
    filterSubjects = filterSubjects == null ? List.of() : List.copyOf(filterSubjects);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    priorityGroups = priorityGroups == null ? List.of() : List.copyOf(priorityGroups);
    this.name = name;
    this.durableName = durableName;
    this.description = description;
    this.deliverPolicy = deliverPolicy;
    this.optStartSeq = optStartSeq;
    this.optStartTime = optStartTime;
    this.ackPolicy = ackPolicy;
    this.ackWait = ackWait;
    this.maxDeliver = maxDeliver;
    this.backoff = backoff;
    this.filterSubject = filterSubject;
    this.filterSubjects = filterSubjects;
    this.replayPolicy = replayPolicy;
    this.rateLimitBps = rateLimitBps;
    this.sampleFreq = sampleFreq;
    this.maxWaiting = maxWaiting;
    this.maxAckPending = maxAckPending;
    this.flowControl = flowControl;
    this.headersOnly = headersOnly;
    this.maxBatch = maxBatch;
    this.maxExpires = maxExpires;
    this.maxBytes = maxBytes;
    this.deliverSubject = deliverSubject;
    this.deliverGroup = deliverGroup;
    this.idleHeartbeat = idleHeartbeat;
    this.inactiveThreshold = inactiveThreshold;
    this.numReplicas = numReplicas;
    this.memStorage = memStorage;
    this.metadata = metadata;
    this.pauseUntil = pauseUntil;
    this.priorityGroups = priorityGroups;
    this.priorityPolicy = priorityPolicy;
    this.priorityTimeout = priorityTimeout;
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
    private AckPolicy ackPolicy = AckPolicy.EXPLICIT;
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
     * Sets how messages are acknowledged. Unset, a built configuration asks for {@link
     * AckPolicy#EXPLICIT} (as the other NATS clients do; the server's own default would be none,
     * which never redelivers); set {@link AckPolicy#NONE} yourself for a consumer that needs no
     * acks.
     *
     * @param ackPolicy the ack policy; null leaves the field out (the server then applies none)
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

  /**
   * Returns the consumer name (durable or not); null lets the server pick one.
   *
   * @return the consumer name (durable or not); null lets the server pick one
   */
  public String name() {
    return name;
  }

  /**
   * Returns the durable name (legacy); equal to {@code name} when both are set.
   *
   * @return the durable name (legacy); equal to {@code name} when both are set
   */
  public String durableName() {
    return durableName;
  }

  /**
   * Returns free text.
   *
   * @return free text
   */
  public String description() {
    return description;
  }

  /**
   * Returns where the consumer starts, null for all.
   *
   * @return where the consumer starts, null for all
   */
  public DeliverPolicy deliverPolicy() {
    return deliverPolicy;
  }

  /**
   * Returns the start sequence for {@link DeliverPolicy#BY_START_SEQUENCE}.
   *
   * @return the start sequence for {@link DeliverPolicy#BY_START_SEQUENCE}
   */
  public long optStartSeq() {
    return optStartSeq;
  }

  /**
   * Returns the start time for {@link DeliverPolicy#BY_START_TIME}.
   *
   * @return the start time for {@link DeliverPolicy#BY_START_TIME}
   */
  public Instant optStartTime() {
    return optStartTime;
  }

  /**
   * Returns the ack policy: {@link AckPolicy#EXPLICIT} unless the builder set another (null only if
   * it was set to null, which leaves the field to the server, whose default is none).
   *
   * @return the ack policy
   */
  public AckPolicy ackPolicy() {
    return ackPolicy;
  }

  /**
   * Returns how long the server waits for an ack before redelivering.
   *
   * @return how long the server waits for an ack before redelivering
   */
  public Duration ackWait() {
    return ackWait;
  }

  /**
   * Returns the most deliveries of one message, -1 for unlimited.
   *
   * @return the most deliveries of one message, -1 for unlimited
   */
  public long maxDeliver() {
    return maxDeliver;
  }

  /**
   * Returns redelivery delays, one per attempt.
   *
   * @return redelivery delays, one per attempt
   */
  public List<Duration> backoff() {
    return backoff == null ? List.of() : Collections.unmodifiableList(backoff);
  }

  /**
   * Returns only messages matching this subject.
   *
   * @return only messages matching this subject
   */
  public String filterSubject() {
    return filterSubject;
  }

  /**
   * Returns only messages matching any of these subjects (ADR-34).
   *
   * @return only messages matching any of these subjects (ADR-34)
   */
  public List<String> filterSubjects() {
    return filterSubjects == null ? List.of() : Collections.unmodifiableList(filterSubjects);
  }

  /**
   * Returns instant or original.
   *
   * @return instant or original
   */
  public ReplayPolicy replayPolicy() {
    return replayPolicy;
  }

  /**
   * Returns push consumers: the delivery rate limit in bits per second.
   *
   * @return push consumers: the delivery rate limit in bits per second
   */
  public long rateLimitBps() {
    return rateLimitBps;
  }

  /**
   * Returns the percentage of acks sampled as advisories, e.g. {@code "50%"}.
   *
   * @return the percentage of acks sampled as advisories, e.g. {@code "50%"}
   */
  public String sampleFreq() {
    return sampleFreq;
  }

  /**
   * Returns pull consumers: the most waiting pull requests.
   *
   * @return pull consumers: the most waiting pull requests
   */
  public long maxWaiting() {
    return maxWaiting;
  }

  /**
   * Returns the most messages delivered but not acknowledged, -1 for unlimited.
   *
   * @return the most messages delivered but not acknowledged, -1 for unlimited
   */
  public long maxAckPending() {
    return maxAckPending;
  }

  /**
   * Returns push consumers: flow control.
   *
   * @return push consumers: flow control
   */
  public boolean flowControl() {
    return flowControl;
  }

  /**
   * Returns deliver headers (and the size) without the payload.
   *
   * @return deliver headers (and the size) without the payload
   */
  public boolean headersOnly() {
    return headersOnly;
  }

  /**
   * Returns pull consumers: the largest batch one pull may ask for.
   *
   * @return pull consumers: the largest batch one pull may ask for
   */
  public long maxBatch() {
    return maxBatch;
  }

  /**
   * Returns pull consumers: the longest expiry one pull may ask for.
   *
   * @return pull consumers: the longest expiry one pull may ask for
   */
  public Duration maxExpires() {
    return maxExpires;
  }

  /**
   * Returns pull consumers: the most bytes one pull may ask for.
   *
   * @return pull consumers: the most bytes one pull may ask for
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns push consumers: the subject messages are delivered to.
   *
   * @return push consumers: the subject messages are delivered to
   */
  public String deliverSubject() {
    return deliverSubject;
  }

  /**
   * Returns push consumers: the queue group.
   *
   * @return push consumers: the queue group
   */
  public String deliverGroup() {
    return deliverGroup;
  }

  /**
   * Returns push consumers: the idle heartbeat interval.
   *
   * @return push consumers: the idle heartbeat interval
   */
  public Duration idleHeartbeat() {
    return idleHeartbeat;
  }

  /**
   * Returns how long an idle consumer lives before the server deletes it.
   *
   * @return how long an idle consumer lives before the server deletes it
   */
  public Duration inactiveThreshold() {
    return inactiveThreshold;
  }

  /**
   * Returns the replica count, 0 to inherit the stream's.
   *
   * @return the replica count, 0 to inherit the stream's
   */
  public int numReplicas() {
    return numReplicas;
  }

  /**
   * Returns true to keep the consumer state in memory.
   *
   * @return true to keep the consumer state in memory
   */
  public boolean memStorage() {
    return memStorage;
  }

  /**
   * Returns free key/value metadata; the server adds {@code _nats.*} keys.
   *
   * @return free key/value metadata; the server adds {@code _nats.*} keys
   */
  public Map<String, String> metadata() {
    return metadata == null ? Map.of() : Collections.unmodifiableMap(metadata);
  }

  /**
   * Returns the consumer delivers nothing until this time (API level 1).
   *
   * @return the consumer delivers nothing until this time (API level 1)
   */
  public Instant pauseUntil() {
    return pauseUntil;
  }

  /**
   * Returns the priority group names (API level 1, ADR-42).
   *
   * @return the priority group names (API level 1, ADR-42)
   */
  public List<String> priorityGroups() {
    return priorityGroups == null ? List.of() : Collections.unmodifiableList(priorityGroups);
  }

  /**
   * Returns how a priority group picks a client (API level 1; prioritized needs 2).
   *
   * @return how a priority group picks a client (API level 1; prioritized needs 2)
   */
  public PriorityPolicy priorityPolicy() {
    return priorityPolicy;
  }

  /**
   * Returns how long a pinned client stays pinned without pulling (API level 1).
   *
   * @return how long a pinned client stays pinned without pulling (API level 1)
   */
  public Duration priorityTimeout() {
    return priorityTimeout;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConsumerConfig)) {
      return false;
    }
    ConsumerConfig that = (ConsumerConfig) o;
    return Objects.equals(name, that.name)
        && Objects.equals(durableName, that.durableName)
        && Objects.equals(description, that.description)
        && Objects.equals(deliverPolicy, that.deliverPolicy)
        && optStartSeq == that.optStartSeq
        && Objects.equals(optStartTime, that.optStartTime)
        && Objects.equals(ackPolicy, that.ackPolicy)
        && Objects.equals(ackWait, that.ackWait)
        && maxDeliver == that.maxDeliver
        && Objects.equals(backoff(), that.backoff())
        && Objects.equals(filterSubject, that.filterSubject)
        && Objects.equals(filterSubjects(), that.filterSubjects())
        && Objects.equals(replayPolicy, that.replayPolicy)
        && rateLimitBps == that.rateLimitBps
        && Objects.equals(sampleFreq, that.sampleFreq)
        && maxWaiting == that.maxWaiting
        && maxAckPending == that.maxAckPending
        && flowControl == that.flowControl
        && headersOnly == that.headersOnly
        && maxBatch == that.maxBatch
        && Objects.equals(maxExpires, that.maxExpires)
        && maxBytes == that.maxBytes
        && Objects.equals(deliverSubject, that.deliverSubject)
        && Objects.equals(deliverGroup, that.deliverGroup)
        && Objects.equals(idleHeartbeat, that.idleHeartbeat)
        && Objects.equals(inactiveThreshold, that.inactiveThreshold)
        && numReplicas == that.numReplicas
        && memStorage == that.memStorage
        && Objects.equals(metadata(), that.metadata())
        && Objects.equals(pauseUntil, that.pauseUntil)
        && Objects.equals(priorityGroups(), that.priorityGroups())
        && Objects.equals(priorityPolicy, that.priorityPolicy)
        && Objects.equals(priorityTimeout, that.priorityTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        durableName,
        description,
        deliverPolicy,
        optStartSeq,
        optStartTime,
        ackPolicy,
        ackWait,
        maxDeliver,
        backoff(),
        filterSubject,
        filterSubjects(),
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
        metadata(),
        pauseUntil,
        priorityGroups(),
        priorityPolicy,
        priorityTimeout);
  }

  @Override
  public String toString() {
    return "ConsumerConfig["
        + "name="
        + name
        + ", "
        + "durableName="
        + durableName
        + ", "
        + "description="
        + description
        + ", "
        + "deliverPolicy="
        + deliverPolicy
        + ", "
        + "optStartSeq="
        + optStartSeq
        + ", "
        + "optStartTime="
        + optStartTime
        + ", "
        + "ackPolicy="
        + ackPolicy
        + ", "
        + "ackWait="
        + ackWait
        + ", "
        + "maxDeliver="
        + maxDeliver
        + ", "
        + "backoff="
        + backoff()
        + ", "
        + "filterSubject="
        + filterSubject
        + ", "
        + "filterSubjects="
        + filterSubjects()
        + ", "
        + "replayPolicy="
        + replayPolicy
        + ", "
        + "rateLimitBps="
        + rateLimitBps
        + ", "
        + "sampleFreq="
        + sampleFreq
        + ", "
        + "maxWaiting="
        + maxWaiting
        + ", "
        + "maxAckPending="
        + maxAckPending
        + ", "
        + "flowControl="
        + flowControl
        + ", "
        + "headersOnly="
        + headersOnly
        + ", "
        + "maxBatch="
        + maxBatch
        + ", "
        + "maxExpires="
        + maxExpires
        + ", "
        + "maxBytes="
        + maxBytes
        + ", "
        + "deliverSubject="
        + deliverSubject
        + ", "
        + "deliverGroup="
        + deliverGroup
        + ", "
        + "idleHeartbeat="
        + idleHeartbeat
        + ", "
        + "inactiveThreshold="
        + inactiveThreshold
        + ", "
        + "numReplicas="
        + numReplicas
        + ", "
        + "memStorage="
        + memStorage
        + ", "
        + "metadata="
        + metadata()
        + ", "
        + "pauseUntil="
        + pauseUntil
        + ", "
        + "priorityGroups="
        + priorityGroups()
        + ", "
        + "priorityPolicy="
        + priorityPolicy
        + ", "
        + "priorityTimeout="
        + priorityTimeout
        + "]";
  }
}
