package io.nats4j.jetstream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link OrderedConsumer} reads: subjects, where to start, replay speed, headers only.
 *
 * <pre>{@code
 * OrderedConsumerConfig c = OrderedConsumerConfig.builder()
 *     .filterSubjects("orders.>").deliverPolicy(DeliverPolicy.BY_START_TIME)
 *     .startTime(Instant.now().minus(Duration.ofHours(1))).build();
 * }</pre>
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class OrderedConsumerConfig {
  /** The default inactive threshold of the server consumer. */
  public static final Duration DEFAULT_INACTIVE_THRESHOLD = Duration.ofMinutes(5);

  private final List<String> filterSubjects;
  private final DeliverPolicy deliverPolicy;
  private final long startSequence;
  private final Instant startTime;
  private final boolean headersOnly;
  private final ReplayPolicy replayPolicy;
  private final Duration inactiveThreshold;
  private final String namePrefix;

  private OrderedConsumerConfig(Builder b) {
    this.filterSubjects = List.copyOf(b.filterSubjects);
    this.deliverPolicy = b.deliverPolicy;
    this.startSequence = b.startSequence;
    this.startTime = b.startTime;
    this.headersOnly = b.headersOnly;
    this.replayPolicy = b.replayPolicy;
    this.inactiveThreshold = b.inactiveThreshold;
    this.namePrefix = b.namePrefix;
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
   * Returns the filter subjects.
   *
   * @return the subjects, empty for the whole stream
   */
  public List<String> filterSubjects() {
    return filterSubjects;
  }

  /**
   * Returns where the first consumer starts.
   *
   * @return the policy (default {@link DeliverPolicy#ALL})
   */
  public DeliverPolicy deliverPolicy() {
    return deliverPolicy;
  }

  /**
   * Returns the start sequence.
   *
   * @return the sequence for {@link DeliverPolicy#BY_START_SEQUENCE}, else 0
   */
  public long startSequence() {
    return startSequence;
  }

  /**
   * Returns the start time.
   *
   * @return the time for {@link DeliverPolicy#BY_START_TIME}, else null
   */
  public Instant startTime() {
    return startTime;
  }

  /**
   * Tells whether payloads are left out.
   *
   * @return true for headers only ({@code Nats-Msg-Size} tells the size)
   */
  public boolean headersOnly() {
    return headersOnly;
  }

  /**
   * Returns the replay policy.
   *
   * @return the policy, or null for the server's default (instant)
   */
  public ReplayPolicy replayPolicy() {
    return replayPolicy;
  }

  /**
   * Returns how long the server keeps an unused consumer.
   *
   * @return the threshold
   */
  public Duration inactiveThreshold() {
    return inactiveThreshold;
  }

  /**
   * Returns the prefix of the server consumers' names.
   *
   * @return the prefix, or null for a random one
   */
  public String namePrefix() {
    return namePrefix;
  }

  /**
   * Builds {@link OrderedConsumerConfig}.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private List<String> filterSubjects = List.of();
    private DeliverPolicy deliverPolicy = DeliverPolicy.ALL;
    private long startSequence;
    private Instant startTime;
    private boolean headersOnly;
    private ReplayPolicy replayPolicy;
    private Duration inactiveThreshold = DEFAULT_INACTIVE_THRESHOLD;
    private String namePrefix;

    private Builder() {}

    /**
     * Reads only these subjects.
     *
     * @param filterSubjects subjects, wildcards allowed
     * @return this builder
     */
    public Builder filterSubjects(String... filterSubjects) {
      return filterSubjects(List.of(filterSubjects));
    }

    /**
     * Reads only these subjects.
     *
     * @param filterSubjects subjects, wildcards allowed
     * @return this builder
     */
    public Builder filterSubjects(List<String> filterSubjects) {
      for (String s : filterSubjects) {
        if (s == null || s.isEmpty() || s.contains(" ")) {
          throw new IllegalArgumentException("invalid filter subject '" + s + "'");
        }
      }
      this.filterSubjects = List.copyOf(filterSubjects);
      return this;
    }

    /**
     * Sets where to start.
     *
     * @param deliverPolicy the policy
     * @return this builder
     */
    public Builder deliverPolicy(DeliverPolicy deliverPolicy) {
      this.deliverPolicy = Objects.requireNonNull(deliverPolicy, "deliverPolicy");
      return this;
    }

    /**
     * Starts at a stream sequence (sets {@link DeliverPolicy#BY_START_SEQUENCE}).
     *
     * @param startSequence at least 1
     * @return this builder
     */
    public Builder startSequence(long startSequence) {
      if (startSequence < 1) {
        throw new IllegalArgumentException(
            "startSequence must be at least 1, got " + startSequence);
      }
      this.startSequence = startSequence;
      this.deliverPolicy = DeliverPolicy.BY_START_SEQUENCE;
      return this;
    }

    /**
     * Starts at a time (sets {@link DeliverPolicy#BY_START_TIME}).
     *
     * @param startTime the time
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      this.startTime = Objects.requireNonNull(startTime, "startTime");
      this.deliverPolicy = DeliverPolicy.BY_START_TIME;
      return this;
    }

    /**
     * Leaves payloads out.
     *
     * @param headersOnly true for headers only
     * @return this builder
     */
    public Builder headersOnly(boolean headersOnly) {
      this.headersOnly = headersOnly;
      return this;
    }

    /**
     * Sets the replay speed.
     *
     * @param replayPolicy instant or original
     * @return this builder
     */
    public Builder replayPolicy(ReplayPolicy replayPolicy) {
      this.replayPolicy = replayPolicy;
      return this;
    }

    /**
     * Sets how long the server keeps an unused consumer (default 5 min).
     *
     * @param inactiveThreshold positive
     * @return this builder
     */
    public Builder inactiveThreshold(Duration inactiveThreshold) {
      Objects.requireNonNull(inactiveThreshold, "inactiveThreshold");
      if (inactiveThreshold.isNegative() || inactiveThreshold.isZero()) {
        throw new IllegalArgumentException(
            "inactiveThreshold must be positive, got " + inactiveThreshold);
      }
      this.inactiveThreshold = inactiveThreshold;
      return this;
    }

    /**
     * Sets the prefix of the server consumers' names ({@code <prefix>_<n>}).
     *
     * @param namePrefix a valid consumer name part, or null for a random one
     * @return this builder
     */
    public Builder namePrefix(String namePrefix) {
      if (namePrefix != null) {
        Names.requireValidName("namePrefix", namePrefix);
      }
      this.namePrefix = namePrefix;
      return this;
    }

    /**
     * Builds the config.
     *
     * @return the config
     * @throws IllegalArgumentException if a start policy lacks its value
     */
    public OrderedConsumerConfig build() {
      if (deliverPolicy == DeliverPolicy.BY_START_SEQUENCE && startSequence < 1) {
        throw new IllegalArgumentException("BY_START_SEQUENCE needs startSequence");
      }
      if (deliverPolicy == DeliverPolicy.BY_START_TIME && startTime == null) {
        throw new IllegalArgumentException("BY_START_TIME needs startTime");
      }
      return new OrderedConsumerConfig(this);
    }
  }
}
