package io.nats4j.jetstream;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-message publish settings, sent as headers: deduplication id, expectations the stream checks
 * before storing, and a per-message TTL.
 *
 * <pre>{@code
 * js.publish("orders.new", data, PublishOptions.builder()
 *     .messageId("order-42")
 *     .expectedLastSubjectSequence(17)
 *     .build());
 * }</pre>
 *
 * <p>A failed expectation makes the server refuse the message with a {@link JetStreamApiException}:
 * {@code 10060} wrong stream, {@code 10071} wrong last (subject) sequence, {@code 10070} wrong last
 * message id.
 *
 * <p>Thread-safety: immutable.
 */
public final class PublishOptions {
  private final String messageId;
  private final String expectedStream;
  private final Long expectedLastSequence;
  private final Long expectedLastSubjectSequence;
  private final String expectedLastSubjectSequenceSubject;
  private final String expectedLastMessageId;
  private final Duration ttl;
  private final boolean ttlNever;

  PublishOptions(
      String messageId,
      String expectedStream,
      Long expectedLastSequence,
      Long expectedLastSubjectSequence,
      String expectedLastSubjectSequenceSubject,
      String expectedLastMessageId,
      Duration ttl,
      boolean ttlNever) {
    if (expectedLastSequence != null && expectedLastSequence < 0) {
      throw new IllegalArgumentException("expectedLastSequence must not be negative");
    }
    if (expectedLastSubjectSequence != null && expectedLastSubjectSequence < 0) {
      throw new IllegalArgumentException("expectedLastSubjectSequence must not be negative");
    }
    if (expectedLastSubjectSequenceSubject != null && expectedLastSubjectSequence == null) {
      throw new IllegalArgumentException(
          "expectedLastSubjectSequenceSubject needs expectedLastSubjectSequence");
    }
    if (ttl != null && ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("ttl must be at least 1 second, was " + ttl);
    }
    if (ttl != null && ttl.getNano() != 0) {
      // nats-server reads Nats-TTL as whole seconds (a Go duration is truncated), so 1.5s would
      // quietly live 1s: refuse rather than round either way.
      throw new IllegalArgumentException(
          "ttl must be whole seconds (nats-server keeps Nats-TTL in seconds and would cut "
              + ttl
              + " to "
              + ttl.toSeconds()
              + "s), was "
              + ttl);
    }
    if (ttl != null && ttlNever) {
      throw new IllegalArgumentException("set either ttl or ttlNever, not both");
    }
    this.messageId = messageId;
    this.expectedStream = expectedStream;
    this.expectedLastSequence = expectedLastSequence;
    this.expectedLastSubjectSequence = expectedLastSubjectSequence;
    this.expectedLastSubjectSequenceSubject = expectedLastSubjectSequenceSubject;
    this.expectedLastMessageId = expectedLastMessageId;
    this.ttl = ttl;
    this.ttlNever = ttlNever;
  }

  /** No options. */
  public static final PublishOptions NONE =
      new PublishOptions(null, null, null, null, null, null, null, false);

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds {@link PublishOptions}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String messageId;
    private String expectedStream;
    private Long expectedLastSequence;
    private Long expectedLastSubjectSequence;
    private String expectedLastSubjectSequenceSubject;
    private String expectedLastMessageId;
    private Duration ttl;
    private boolean ttlNever;

    private Builder() {}

    /**
     * Sets the deduplication id.
     *
     * @param messageId the deduplication id
     * @return this
     */
    public Builder messageId(String messageId) {
      this.messageId = messageId;
      return this;
    }

    /**
     * Sets the stream that must store the message.
     *
     * @param stream the stream that must store the message
     * @return this
     */
    public Builder expectedStream(String stream) {
      this.expectedStream = stream;
      return this;
    }

    /**
     * Sets the stream's expected last sequence.
     *
     * @param sequence the stream's expected last sequence
     * @return this
     */
    public Builder expectedLastSequence(long sequence) {
      this.expectedLastSequence = sequence;
      return this;
    }

    /**
     * Sets the expected last sequence on the published subject (0: none yet).
     *
     * @param sequence the expected last sequence on the published subject (0: none yet)
     * @return this
     */
    public Builder expectedLastSubjectSequence(long sequence) {
      this.expectedLastSubjectSequence = sequence;
      return this;
    }

    /**
     * @param sequence the expected last sequence on {@code subject}
     * @param subject the subject to check (wildcards allowed)
     * @return this
     */
    public Builder expectedLastSubjectSequence(long sequence, String subject) {
      this.expectedLastSubjectSequence = sequence;
      this.expectedLastSubjectSequenceSubject = subject;
      return this;
    }

    /**
     * Sets the expected id of the stream's last message.
     *
     * @param messageId the expected id of the stream's last message
     * @return this
     */
    public Builder expectedLastMessageId(String messageId) {
      this.expectedLastMessageId = messageId;
      return this;
    }

    /**
     * Sets how long the message lives: whole seconds, at least 1 s.
     *
     * @param ttl how long the message lives: whole seconds, at least 1 s
     * @return this
     */
    public Builder ttl(Duration ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * Marks the message to never expire ({@code Nats-TTL: never}).
     *
     * @return this
     */
    public Builder ttlNever() {
      this.ttlNever = true;
      return this;
    }

    /**
     * Builds.
     *
     * @return the options
     * @throws IllegalArgumentException if the values do not fit together
     */
    public PublishOptions build() {
      return new PublishOptions(
          messageId,
          expectedStream,
          expectedLastSequence,
          expectedLastSubjectSequence,
          expectedLastSubjectSequenceSubject,
          expectedLastMessageId,
          ttl,
          ttlNever);
    }
  }

  /**
   * Returns {@code Nats-Msg-Id}: the stream stores a message id once per duplicate window.
   *
   * @return {@code Nats-Msg-Id}: the stream stores a message id once per duplicate window
   */
  public String messageId() {
    return messageId;
  }

  /**
   * Returns {@code Nats-Expected-Stream}: the stream that must store the message.
   *
   * @return {@code Nats-Expected-Stream}: the stream that must store the message
   */
  public String expectedStream() {
    return expectedStream;
  }

  /**
   * Returns {@code Nats-Expected-Last-Sequence}: the stream's last sequence, or null for no
   * expectation.
   *
   * @return {@code Nats-Expected-Last-Sequence}: the stream's last sequence, or null for no
   *     expectation
   */
  public Long expectedLastSequence() {
    return expectedLastSequence;
  }

  /**
   * Returns {@code Nats-Expected-Last-Subject-Sequence}: the last sequence on the subject (0 means
   * "no message yet"), or null.
   *
   * @return {@code Nats-Expected-Last-Subject-Sequence}: the last sequence on the subject (0 means
   *     "no message yet"), or null
   */
  public Long expectedLastSubjectSequence() {
    return expectedLastSubjectSequence;
  }

  /**
   * Returns {@code Nats-Expected-Last-Subject-Sequence-Subject}: check the last sequence of this
   * subject (wildcards allowed) instead of the published one.
   *
   * @return {@code Nats-Expected-Last-Subject-Sequence-Subject}: check the last sequence of this
   *     subject (wildcards allowed) instead of the published one
   */
  public String expectedLastSubjectSequenceSubject() {
    return expectedLastSubjectSequenceSubject;
  }

  /**
   * Returns {@code Nats-Expected-Last-Msg-Id}: the id of the stream's last message.
   *
   * @return {@code Nats-Expected-Last-Msg-Id}: the id of the stream's last message
   */
  public String expectedLastMessageId() {
    return expectedLastMessageId;
  }

  /**
   * Returns {@code Nats-TTL}: how long this message lives (at least 1 s; stream needs {@code
   * allow_msg_ttl}; API level 1), null for the stream's limits.
   *
   * @return {@code Nats-TTL}: how long this message lives (at least 1 s; stream needs {@code
   *     allow_msg_ttl}; API level 1), null for the stream's limits
   */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Returns true to send {@code Nats-TTL: never} (the message never expires).
   *
   * @return true to send {@code Nats-TTL: never} (the message never expires)
   */
  public boolean ttlNever() {
    return ttlNever;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PublishOptions)) {
      return false;
    }
    PublishOptions that = (PublishOptions) o;
    return Objects.equals(messageId, that.messageId)
        && Objects.equals(expectedStream, that.expectedStream)
        && Objects.equals(expectedLastSequence, that.expectedLastSequence)
        && Objects.equals(expectedLastSubjectSequence, that.expectedLastSubjectSequence)
        && Objects.equals(
            expectedLastSubjectSequenceSubject, that.expectedLastSubjectSequenceSubject)
        && Objects.equals(expectedLastMessageId, that.expectedLastMessageId)
        && Objects.equals(ttl, that.ttl)
        && ttlNever == that.ttlNever;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        messageId,
        expectedStream,
        expectedLastSequence,
        expectedLastSubjectSequence,
        expectedLastSubjectSequenceSubject,
        expectedLastMessageId,
        ttl,
        ttlNever);
  }

  @Override
  public String toString() {
    return "PublishOptions["
        + "messageId="
        + messageId
        + ", "
        + "expectedStream="
        + expectedStream
        + ", "
        + "expectedLastSequence="
        + expectedLastSequence
        + ", "
        + "expectedLastSubjectSequence="
        + expectedLastSubjectSequence
        + ", "
        + "expectedLastSubjectSequenceSubject="
        + expectedLastSubjectSequenceSubject
        + ", "
        + "expectedLastMessageId="
        + expectedLastMessageId
        + ", "
        + "ttl="
        + ttl
        + ", "
        + "ttlNever="
        + ttlNever
        + "]";
  }
}
