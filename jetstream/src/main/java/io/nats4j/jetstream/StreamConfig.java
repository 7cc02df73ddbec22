package io.nats4j.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a stream, exactly as the server's {@code StreamConfig} JSON.
 *
 * <pre>{@code
 * StreamConfig config = StreamConfig.builder("ORDERS")
 *     .subjects("orders.>")
 *     .storage(StorageType.FILE)
 *     .maxAge(Duration.ofDays(7))
 *     .duplicateWindow(Duration.ofMinutes(2))
 *     .build();
 * }</pre>
 *
 * <p>Unset values (null, 0, {@code false}, empty) are not sent, so the server applies its defaults
 * and a server that does not know a newer field never sees it. Fields that need a newer server are
 * checked against the connected server's API level before anything is sent: {@code allow_msg_ttl}
 * and {@code subject_delete_marker_ttl} need level 1 (2.11); {@code allow_msg_counter}, {@code
 * allow_atomic}, {@code allow_msg_schedules} and {@code persist_mode} need level 2 (2.12); {@code
 * allow_batched} needs level 4 (2.14).
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class StreamConfig {
  private final String name;
  private final String description;
  private final List<String> subjects;
  private final RetentionPolicy retention;
  private final long maxConsumers;
  private final long maxMsgs;
  private final long maxBytes;
  private final Duration maxAge;
  private final long maxMsgsPerSubject;
  private final long maxMsgSize;
  private final DiscardPolicy discard;
  private final StorageType storage;
  private final int numReplicas;
  private final boolean noAck;
  private final Duration duplicateWindow;
  private final Placement placement;
  private final StreamSource mirror;
  private final List<StreamSource> sources;
  private final Compression compression;
  private final long firstSeq;
  private final SubjectTransform subjectTransform;
  private final Republish republish;
  private final boolean allowDirect;
  private final boolean mirrorDirect;
  private final boolean discardNewPerSubject;
  private final boolean sealed;
  private final boolean denyDelete;
  private final boolean denyPurge;
  private final boolean allowRollupHdrs;
  private final ConsumerLimits consumerLimits;
  private final boolean allowMsgTtl;
  private final Duration subjectDeleteMarkerTtl;
  private final boolean allowMsgCounter;
  private final boolean allowAtomic;
  private final boolean allowMsgSchedules;
  private final PersistMode persistMode;
  private final boolean allowBatched;
  private final Map<String, String> metadata;

  /** For the internal JSON mapper, which sets the fields it reads. */
  private StreamConfig() {
    this(
        null, null, null, null, 0, 0, 0, null, 0, 0, null, null, 0, false, null, null, null, null,
        null, 0, null, null, false, false, false, false, false, false, false, null, false, null,
        false, false, false, null, false, null);
  }

  StreamConfig(
      String name,
      String description,
      List<String> subjects,
      RetentionPolicy retention,
      long maxConsumers,
      long maxMsgs,
      long maxBytes,
      Duration maxAge,
      long maxMsgsPerSubject,
      long maxMsgSize,
      DiscardPolicy discard,
      StorageType storage,
      int numReplicas,
      boolean noAck,
      Duration duplicateWindow,
      Placement placement,
      StreamSource mirror,
      List<StreamSource> sources,
      Compression compression,
      long firstSeq,
      SubjectTransform subjectTransform,
      Republish republish,
      boolean allowDirect,
      boolean mirrorDirect,
      boolean discardNewPerSubject,
      boolean sealed,
      boolean denyDelete,
      boolean denyPurge,
      boolean allowRollupHdrs,
      ConsumerLimits consumerLimits,
      boolean allowMsgTtl,
      Duration subjectDeleteMarkerTtl,
      boolean allowMsgCounter,
      boolean allowAtomic,
      boolean allowMsgSchedules,
      PersistMode persistMode,
      boolean allowBatched,
      Map<String, String> metadata) {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    sources = sources == null ? List.of() : List.copyOf(sources);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    this.name = name;
    this.description = description;
    this.subjects = subjects;
    this.retention = retention;
    this.maxConsumers = maxConsumers;
    this.maxMsgs = maxMsgs;
    this.maxBytes = maxBytes;
    this.maxAge = maxAge;
    this.maxMsgsPerSubject = maxMsgsPerSubject;
    this.maxMsgSize = maxMsgSize;
    this.discard = discard;
    this.storage = storage;
    this.numReplicas = numReplicas;
    this.noAck = noAck;
    this.duplicateWindow = duplicateWindow;
    this.placement = placement;
    this.mirror = mirror;
    this.sources = sources;
    this.compression = compression;
    this.firstSeq = firstSeq;
    this.subjectTransform = subjectTransform;
    this.republish = republish;
    this.allowDirect = allowDirect;
    this.mirrorDirect = mirrorDirect;
    this.discardNewPerSubject = discardNewPerSubject;
    this.sealed = sealed;
    this.denyDelete = denyDelete;
    this.denyPurge = denyPurge;
    this.allowRollupHdrs = allowRollupHdrs;
    this.consumerLimits = consumerLimits;
    this.allowMsgTtl = allowMsgTtl;
    this.subjectDeleteMarkerTtl = subjectDeleteMarkerTtl;
    this.allowMsgCounter = allowMsgCounter;
    this.allowAtomic = allowAtomic;
    this.allowMsgSchedules = allowMsgSchedules;
    this.persistMode = persistMode;
    this.allowBatched = allowBatched;
    this.metadata = metadata;
  }

  /**
   * Starts a builder for a stream with this name.
   *
   * @param name the stream name
   * @return the builder
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /**
   * Starts a builder with every value of this configuration, to change some and update the stream.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.description = description;
    b.subjects = new ArrayList<>(subjects);
    b.retention = retention;
    b.maxConsumers = maxConsumers;
    b.maxMsgs = maxMsgs;
    b.maxBytes = maxBytes;
    b.maxAge = maxAge;
    b.maxMsgsPerSubject = maxMsgsPerSubject;
    b.maxMsgSize = maxMsgSize;
    b.discard = discard;
    b.storage = storage;
    b.numReplicas = numReplicas;
    b.noAck = noAck;
    b.duplicateWindow = duplicateWindow;
    b.placement = placement;
    b.mirror = mirror;
    b.sources = new ArrayList<>(sources);
    b.compression = compression;
    b.firstSeq = firstSeq;
    b.subjectTransform = subjectTransform;
    b.republish = republish;
    b.allowDirect = allowDirect;
    b.mirrorDirect = mirrorDirect;
    b.discardNewPerSubject = discardNewPerSubject;
    b.sealed = sealed;
    b.denyDelete = denyDelete;
    b.denyPurge = denyPurge;
    b.allowRollupHdrs = allowRollupHdrs;
    b.consumerLimits = consumerLimits;
    b.allowMsgTtl = allowMsgTtl;
    b.subjectDeleteMarkerTtl = subjectDeleteMarkerTtl;
    b.allowMsgCounter = allowMsgCounter;
    b.allowAtomic = allowAtomic;
    b.allowMsgSchedules = allowMsgSchedules;
    b.persistMode = persistMode;
    b.allowBatched = allowBatched;
    b.metadata = new LinkedHashMap<>(metadata);
    return b;
  }

  /**
   * Builds a {@link StreamConfig}; every setter returns this builder.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String name;
    private String description;
    private List<String> subjects = new ArrayList<>();
    private RetentionPolicy retention;
    private long maxConsumers;
    private long maxMsgs;
    private long maxBytes;
    private Duration maxAge;
    private long maxMsgsPerSubject;
    private long maxMsgSize;
    private DiscardPolicy discard;
    private StorageType storage;
    private int numReplicas;
    private boolean noAck;
    private Duration duplicateWindow;
    private Placement placement;
    private StreamSource mirror;
    private List<StreamSource> sources = new ArrayList<>();
    private Compression compression;
    private long firstSeq;
    private SubjectTransform subjectTransform;
    private Republish republish;
    private boolean allowDirect;
    private boolean mirrorDirect;
    private boolean discardNewPerSubject;
    private boolean sealed;
    private boolean denyDelete;
    private boolean denyPurge;
    private boolean allowRollupHdrs;
    private ConsumerLimits consumerLimits;
    private boolean allowMsgTtl;
    private Duration subjectDeleteMarkerTtl;
    private boolean allowMsgCounter;
    private boolean allowAtomic;
    private boolean allowMsgSchedules;
    private PersistMode persistMode;
    private boolean allowBatched;
    private Map<String, String> metadata = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the stream name.
     *
     * @param name the stream name
     * @return this
     */
    public Builder name(String name) {
      this.name = name;
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
     * Replaces the subjects.
     *
     * @param subjects the subjects the stream captures
     * @return this
     */
    public Builder subjects(String... subjects) {
      this.subjects = new ArrayList<>(Arrays.asList(subjects));
      return this;
    }

    /**
     * Replaces the subjects.
     *
     * @param subjects the subjects the stream captures
     * @return this
     */
    public Builder subjects(List<String> subjects) {
      this.subjects = new ArrayList<>(subjects);
      return this;
    }

    /**
     * Sets the retention policy.
     *
     * @param retention the retention policy
     * @return this
     */
    public Builder retention(RetentionPolicy retention) {
      this.retention = retention;
      return this;
    }

    /**
     * Sets the most consumers, -1 for unlimited.
     *
     * @param maxConsumers the most consumers, -1 for unlimited
     * @return this
     */
    public Builder maxConsumers(long maxConsumers) {
      this.maxConsumers = maxConsumers;
      return this;
    }

    /**
     * Sets the most messages, -1 for unlimited.
     *
     * @param maxMsgs the most messages, -1 for unlimited
     * @return this
     */
    public Builder maxMsgs(long maxMsgs) {
      this.maxMsgs = maxMsgs;
      return this;
    }

    /**
     * Sets the most bytes, -1 for unlimited.
     *
     * @param maxBytes the most bytes, -1 for unlimited
     * @return this
     */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Sets the oldest message age, null or zero for unlimited.
     *
     * @param maxAge the oldest message age, null or zero for unlimited
     * @return this
     */
    public Builder maxAge(Duration maxAge) {
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets the most messages per subject, -1 for unlimited.
     *
     * @param maxMsgsPerSubject the most messages per subject, -1 for unlimited
     * @return this
     */
    public Builder maxMsgsPerSubject(long maxMsgsPerSubject) {
      this.maxMsgsPerSubject = maxMsgsPerSubject;
      return this;
    }

    /**
     * Sets the largest message in bytes, -1 for the server's limit.
     *
     * @param maxMsgSize the largest message in bytes, -1 for the server's limit
     * @return this
     */
    public Builder maxMsgSize(long maxMsgSize) {
      this.maxMsgSize = maxMsgSize;
      return this;
    }

    /**
     * Sets what happens when a limit is hit.
     *
     * @param discard what happens when a limit is hit
     * @return this
     */
    public Builder discard(DiscardPolicy discard) {
      this.discard = discard;
      return this;
    }

    /**
     * Sets file or memory.
     *
     * @param storage file or memory
     * @return this
     */
    public Builder storage(StorageType storage) {
      this.storage = storage;
      return this;
    }

    /**
     * Sets 1, 3 or 5.
     *
     * @param numReplicas 1, 3 or 5
     * @return this
     */
    public Builder numReplicas(int numReplicas) {
      this.numReplicas = numReplicas;
      return this;
    }

    /**
     * Sets true to not acknowledge publishes.
     *
     * @param noAck true to not acknowledge publishes
     * @return this
     */
    public Builder noAck(boolean noAck) {
      this.noAck = noAck;
      return this;
    }

    /**
     * Sets the deduplication window for {@code Nats-Msg-Id}.
     *
     * @param duplicateWindow the deduplication window for {@code Nats-Msg-Id}
     * @return this
     */
    public Builder duplicateWindow(Duration duplicateWindow) {
      this.duplicateWindow = duplicateWindow;
      return this;
    }

    /**
     * Sets cluster/tags placement.
     *
     * @param placement cluster/tags placement
     * @return this
     */
    public Builder placement(Placement placement) {
      this.placement = placement;
      return this;
    }

    /**
     * Sets the stream to mirror.
     *
     * @param mirror the stream to mirror
     * @return this
     */
    public Builder mirror(StreamSource mirror) {
      this.mirror = mirror;
      return this;
    }

    /**
     * Replaces the sources.
     *
     * @param sources the streams to source from
     * @return this
     */
    public Builder sources(StreamSource... sources) {
      this.sources = new ArrayList<>(Arrays.asList(sources));
      return this;
    }

    /**
     * Sets storage compression.
     *
     * @param compression storage compression
     * @return this
     */
    public Builder compression(Compression compression) {
      this.compression = compression;
      return this;
    }

    /**
     * Sets the sequence of the first message.
     *
     * @param firstSeq the sequence of the first message
     * @return this
     */
    public Builder firstSeq(long firstSeq) {
      this.firstSeq = firstSeq;
      return this;
    }

    /**
     * Sets a transform applied to incoming subjects.
     *
     * @param subjectTransform a transform applied to incoming subjects
     * @return this
     */
    public Builder subjectTransform(SubjectTransform subjectTransform) {
      this.subjectTransform = subjectTransform;
      return this;
    }

    /**
     * Sets republishing of stored messages.
     *
     * @param republish republishing of stored messages
     * @return this
     */
    public Builder republish(Republish republish) {
      this.republish = republish;
      return this;
    }

    /**
     * Sets true to allow Direct Get.
     *
     * @param allowDirect true to allow Direct Get
     * @return this
     */
    public Builder allowDirect(boolean allowDirect) {
      this.allowDirect = allowDirect;
      return this;
    }

    /**
     * Sets true to let a mirror answer Direct Gets.
     *
     * @param mirrorDirect true to let a mirror answer Direct Gets
     * @return this
     */
    public Builder mirrorDirect(boolean mirrorDirect) {
      this.mirrorDirect = mirrorDirect;
      return this;
    }

    /**
     * Sets with discard new, apply it per subject.
     *
     * @param discardNewPerSubject with discard new, apply it per subject
     * @return this
     */
    public Builder discardNewPerSubject(boolean discardNewPerSubject) {
      this.discardNewPerSubject = discardNewPerSubject;
      return this;
    }

    /**
     * Sets true to seal the stream (update only, irreversible).
     *
     * @param sealed true to seal the stream (update only, irreversible)
     * @return this
     */
    public Builder sealed(boolean sealed) {
      this.sealed = sealed;
      return this;
    }

    /**
     * Sets true to refuse message deletes.
     *
     * @param denyDelete true to refuse message deletes
     * @return this
     */
    public Builder denyDelete(boolean denyDelete) {
      this.denyDelete = denyDelete;
      return this;
    }

    /**
     * Sets true to refuse purges.
     *
     * @param denyPurge true to refuse purges
     * @return this
     */
    public Builder denyPurge(boolean denyPurge) {
      this.denyPurge = denyPurge;
      return this;
    }

    /**
     * Sets true to allow the {@code Nats-Rollup} header.
     *
     * @param allowRollupHdrs true to allow the {@code Nats-Rollup} header
     * @return this
     */
    public Builder allowRollupHdrs(boolean allowRollupHdrs) {
      this.allowRollupHdrs = allowRollupHdrs;
      return this;
    }

    /**
     * Sets defaults and caps for consumers.
     *
     * @param consumerLimits defaults and caps for consumers
     * @return this
     */
    public Builder consumerLimits(ConsumerLimits consumerLimits) {
      this.consumerLimits = consumerLimits;
      return this;
    }

    /**
     * Sets true to honour {@code Nats-TTL} (API level 1).
     *
     * @param allowMsgTtl true to honour {@code Nats-TTL} (API level 1)
     * @return this
     */
    public Builder allowMsgTtl(boolean allowMsgTtl) {
      this.allowMsgTtl = allowMsgTtl;
      return this;
    }

    /**
     * Sets how long delete markers live (API level 1).
     *
     * @param subjectDeleteMarkerTtl how long delete markers live (API level 1)
     * @return this
     */
    public Builder subjectDeleteMarkerTtl(Duration subjectDeleteMarkerTtl) {
      this.subjectDeleteMarkerTtl = subjectDeleteMarkerTtl;
      return this;
    }

    /**
     * Sets true to make this a counter stream (API level 2).
     *
     * @param allowMsgCounter true to make this a counter stream (API level 2)
     * @return this
     */
    public Builder allowMsgCounter(boolean allowMsgCounter) {
      this.allowMsgCounter = allowMsgCounter;
      return this;
    }

    /**
     * Sets true to allow atomic batch publish (API level 2).
     *
     * @param allowAtomic true to allow atomic batch publish (API level 2)
     * @return this
     */
    public Builder allowAtomic(boolean allowAtomic) {
      this.allowAtomic = allowAtomic;
      return this;
    }

    /**
     * Sets true to allow scheduled messages (API level 2).
     *
     * @param allowMsgSchedules true to allow scheduled messages (API level 2)
     * @return this
     */
    public Builder allowMsgSchedules(boolean allowMsgSchedules) {
      this.allowMsgSchedules = allowMsgSchedules;
      return this;
    }

    /**
     * Sets the persistence mode (API level 2).
     *
     * @param persistMode the persistence mode (API level 2)
     * @return this
     */
    public Builder persistMode(PersistMode persistMode) {
      this.persistMode = persistMode;
      return this;
    }

    /**
     * Sets true to allow fast-ingest batch publish (API level 4).
     *
     * @param allowBatched true to allow fast-ingest batch publish (API level 4)
     * @return this
     */
    public Builder allowBatched(boolean allowBatched) {
      this.allowBatched = allowBatched;
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
     * @param metadata the entries
     * @return this
     */
    public Builder metadata(Map<String, String> metadata) {
      this.metadata = new LinkedHashMap<>(metadata);
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if the name is missing or not a valid stream name
     */
    public StreamConfig build() {
      Names.requireValidName("stream name", name);
      return new StreamConfig(
          name,
          description,
          subjects,
          retention,
          maxConsumers,
          maxMsgs,
          maxBytes,
          maxAge,
          maxMsgsPerSubject,
          maxMsgSize,
          discard,
          storage,
          numReplicas,
          noAck,
          duplicateWindow,
          placement,
          mirror,
          sources,
          compression,
          firstSeq,
          subjectTransform,
          republish,
          allowDirect,
          mirrorDirect,
          discardNewPerSubject,
          sealed,
          denyDelete,
          denyPurge,
          allowRollupHdrs,
          consumerLimits,
          allowMsgTtl,
          subjectDeleteMarkerTtl,
          allowMsgCounter,
          allowAtomic,
          allowMsgSchedules,
          persistMode,
          allowBatched,
          metadata);
    }
  }

  /**
   * Returns the stream name.
   *
   * @return the stream name
   */
  public String name() {
    return name;
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
   * Returns the subjects the stream captures; empty means just its name.
   *
   * @return the subjects the stream captures; empty means just its name
   */
  public List<String> subjects() {
    return subjects == null ? List.of() : Collections.unmodifiableList(subjects);
  }

  /**
   * Returns the retention policy, null for the server's default (limits).
   *
   * @return the retention policy, null for the server's default (limits)
   */
  public RetentionPolicy retention() {
    return retention;
  }

  /**
   * Returns the most consumers, -1 or 0 for unlimited.
   *
   * @return the most consumers, -1 or 0 for unlimited
   */
  public long maxConsumers() {
    return maxConsumers;
  }

  /**
   * Returns the most messages, -1 or 0 for unlimited.
   *
   * @return the most messages, -1 or 0 for unlimited
   */
  public long maxMsgs() {
    return maxMsgs;
  }

  /**
   * Returns the most bytes, -1 or 0 for unlimited.
   *
   * @return the most bytes, -1 or 0 for unlimited
   */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Returns the oldest message age, null or zero for unlimited.
   *
   * @return the oldest message age, null or zero for unlimited
   */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * Returns the most messages per subject, -1 or 0 for unlimited.
   *
   * @return the most messages per subject, -1 or 0 for unlimited
   */
  public long maxMsgsPerSubject() {
    return maxMsgsPerSubject;
  }

  /**
   * Returns the largest message, -1 or 0 for the server's limit.
   *
   * @return the largest message, -1 or 0 for the server's limit
   */
  public long maxMsgSize() {
    return maxMsgSize;
  }

  /**
   * Returns what happens when a limit is hit, null for the default (old).
   *
   * @return what happens when a limit is hit, null for the default (old)
   */
  public DiscardPolicy discard() {
    return discard;
  }

  /**
   * Returns file or memory, null for the default (file).
   *
   * @return file or memory, null for the default (file)
   */
  public StorageType storage() {
    return storage;
  }

  /**
   * Returns the replica count (1, 3 or 5), 0 for the default (1).
   *
   * @return the replica count (1, 3 or 5), 0 for the default (1)
   */
  public int numReplicas() {
    return numReplicas;
  }

  /**
   * Returns true to not acknowledge publishes.
   *
   * @return true to not acknowledge publishes
   */
  public boolean noAck() {
    return noAck;
  }

  /**
   * Returns the window for {@code Nats-Msg-Id} deduplication, null for 2 minutes.
   *
   * @return the window for {@code Nats-Msg-Id} deduplication, null for 2 minutes
   */
  public Duration duplicateWindow() {
    return duplicateWindow;
  }

  /**
   * Returns cluster/tags placement.
   *
   * @return cluster/tags placement
   */
  public Placement placement() {
    return placement;
  }

  /**
   * Returns the stream this one mirrors.
   *
   * @return the stream this one mirrors
   */
  public StreamSource mirror() {
    return mirror;
  }

  /**
   * Returns the streams this one sources from.
   *
   * @return the streams this one sources from
   */
  public List<StreamSource> sources() {
    return sources == null ? List.of() : Collections.unmodifiableList(sources);
  }

  /**
   * Returns storage compression, null for the default (none).
   *
   * @return storage compression, null for the default (none)
   */
  public Compression compression() {
    return compression;
  }

  /**
   * Returns the sequence of the first message.
   *
   * @return the sequence of the first message
   */
  public long firstSeq() {
    return firstSeq;
  }

  /**
   * Returns a transform applied to incoming subjects.
   *
   * @return a transform applied to incoming subjects
   */
  public SubjectTransform subjectTransform() {
    return subjectTransform;
  }

  /**
   * Returns republishing of stored messages.
   *
   * @return republishing of stored messages
   */
  public Republish republish() {
    return republish;
  }

  /**
   * Returns true to allow Direct Get.
   *
   * @return true to allow Direct Get
   */
  public boolean allowDirect() {
    return allowDirect;
  }

  /**
   * Returns true to let a mirror answer Direct Gets for its origin.
   *
   * @return true to let a mirror answer Direct Gets for its origin
   */
  public boolean mirrorDirect() {
    return mirrorDirect;
  }

  /**
   * Returns with discard new, apply it per subject.
   *
   * @return with discard new, apply it per subject
   */
  public boolean discardNewPerSubject() {
    return discardNewPerSubject;
  }

  /**
   * Returns true to seal the stream (update only; irreversible).
   *
   * @return true to seal the stream (update only; irreversible)
   */
  public boolean sealed() {
    return sealed;
  }

  /**
   * Returns true to refuse message deletes.
   *
   * @return true to refuse message deletes
   */
  public boolean denyDelete() {
    return denyDelete;
  }

  /**
   * Returns true to refuse purges.
   *
   * @return true to refuse purges
   */
  public boolean denyPurge() {
    return denyPurge;
  }

  /**
   * Returns true to allow the {@code Nats-Rollup} header.
   *
   * @return true to allow the {@code Nats-Rollup} header
   */
  public boolean allowRollupHdrs() {
    return allowRollupHdrs;
  }

  /**
   * Returns defaults and caps for consumers.
   *
   * @return defaults and caps for consumers
   */
  public ConsumerLimits consumerLimits() {
    return consumerLimits;
  }

  /**
   * Returns true to honour {@code Nats-TTL} (API level 1).
   *
   * @return true to honour {@code Nats-TTL} (API level 1)
   */
  public boolean allowMsgTtl() {
    return allowMsgTtl;
  }

  /**
   * Returns how long delete markers live (API level 1).
   *
   * @return how long delete markers live (API level 1)
   */
  public Duration subjectDeleteMarkerTtl() {
    return subjectDeleteMarkerTtl;
  }

  /**
   * Returns true to make this a counter stream (API level 2).
   *
   * @return true to make this a counter stream (API level 2)
   */
  public boolean allowMsgCounter() {
    return allowMsgCounter;
  }

  /**
   * Returns true to allow atomic batch publish (API level 2).
   *
   * @return true to allow atomic batch publish (API level 2)
   */
  public boolean allowAtomic() {
    return allowAtomic;
  }

  /**
   * Returns true to allow scheduled messages (API level 2).
   *
   * @return true to allow scheduled messages (API level 2)
   */
  public boolean allowMsgSchedules() {
    return allowMsgSchedules;
  }

  /**
   * Returns the persistence mode (API level 2).
   *
   * @return the persistence mode (API level 2)
   */
  public PersistMode persistMode() {
    return persistMode;
  }

  /**
   * Returns true to allow fast-ingest batch publish (API level 4).
   *
   * @return true to allow fast-ingest batch publish (API level 4)
   */
  public boolean allowBatched() {
    return allowBatched;
  }

  /**
   * Returns free key/value metadata; the server adds {@code _nats.*} keys.
   *
   * @return free key/value metadata; the server adds {@code _nats.*} keys
   */
  public Map<String, String> metadata() {
    return metadata == null ? Map.of() : Collections.unmodifiableMap(metadata);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StreamConfig)) {
      return false;
    }
    StreamConfig that = (StreamConfig) o;
    return Objects.equals(name, that.name)
        && Objects.equals(description, that.description)
        && Objects.equals(subjects(), that.subjects())
        && Objects.equals(retention, that.retention)
        && maxConsumers == that.maxConsumers
        && maxMsgs == that.maxMsgs
        && maxBytes == that.maxBytes
        && Objects.equals(maxAge, that.maxAge)
        && maxMsgsPerSubject == that.maxMsgsPerSubject
        && maxMsgSize == that.maxMsgSize
        && Objects.equals(discard, that.discard)
        && Objects.equals(storage, that.storage)
        && numReplicas == that.numReplicas
        && noAck == that.noAck
        && Objects.equals(duplicateWindow, that.duplicateWindow)
        && Objects.equals(placement, that.placement)
        && Objects.equals(mirror, that.mirror)
        && Objects.equals(sources(), that.sources())
        && Objects.equals(compression, that.compression)
        && firstSeq == that.firstSeq
        && Objects.equals(subjectTransform, that.subjectTransform)
        && Objects.equals(republish, that.republish)
        && allowDirect == that.allowDirect
        && mirrorDirect == that.mirrorDirect
        && discardNewPerSubject == that.discardNewPerSubject
        && sealed == that.sealed
        && denyDelete == that.denyDelete
        && denyPurge == that.denyPurge
        && allowRollupHdrs == that.allowRollupHdrs
        && Objects.equals(consumerLimits, that.consumerLimits)
        && allowMsgTtl == that.allowMsgTtl
        && Objects.equals(subjectDeleteMarkerTtl, that.subjectDeleteMarkerTtl)
        && allowMsgCounter == that.allowMsgCounter
        && allowAtomic == that.allowAtomic
        && allowMsgSchedules == that.allowMsgSchedules
        && Objects.equals(persistMode, that.persistMode)
        && allowBatched == that.allowBatched
        && Objects.equals(metadata(), that.metadata());
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        name,
        description,
        subjects(),
        retention,
        maxConsumers,
        maxMsgs,
        maxBytes,
        maxAge,
        maxMsgsPerSubject,
        maxMsgSize,
        discard,
        storage,
        numReplicas,
        noAck,
        duplicateWindow,
        placement,
        mirror,
        sources(),
        compression,
        firstSeq,
        subjectTransform,
        republish,
        allowDirect,
        mirrorDirect,
        discardNewPerSubject,
        sealed,
        denyDelete,
        denyPurge,
        allowRollupHdrs,
        consumerLimits,
        allowMsgTtl,
        subjectDeleteMarkerTtl,
        allowMsgCounter,
        allowAtomic,
        allowMsgSchedules,
        persistMode,
        allowBatched,
        metadata());
  }

  @Override
  public String toString() {
    return "StreamConfig["
        + "name="
        + name
        + ", "
        + "description="
        + description
        + ", "
        + "subjects="
        + subjects()
        + ", "
        + "retention="
        + retention
        + ", "
        + "maxConsumers="
        + maxConsumers
        + ", "
        + "maxMsgs="
        + maxMsgs
        + ", "
        + "maxBytes="
        + maxBytes
        + ", "
        + "maxAge="
        + maxAge
        + ", "
        + "maxMsgsPerSubject="
        + maxMsgsPerSubject
        + ", "
        + "maxMsgSize="
        + maxMsgSize
        + ", "
        + "discard="
        + discard
        + ", "
        + "storage="
        + storage
        + ", "
        + "numReplicas="
        + numReplicas
        + ", "
        + "noAck="
        + noAck
        + ", "
        + "duplicateWindow="
        + duplicateWindow
        + ", "
        + "placement="
        + placement
        + ", "
        + "mirror="
        + mirror
        + ", "
        + "sources="
        + sources()
        + ", "
        + "compression="
        + compression
        + ", "
        + "firstSeq="
        + firstSeq
        + ", "
        + "subjectTransform="
        + subjectTransform
        + ", "
        + "republish="
        + republish
        + ", "
        + "allowDirect="
        + allowDirect
        + ", "
        + "mirrorDirect="
        + mirrorDirect
        + ", "
        + "discardNewPerSubject="
        + discardNewPerSubject
        + ", "
        + "sealed="
        + sealed
        + ", "
        + "denyDelete="
        + denyDelete
        + ", "
        + "denyPurge="
        + denyPurge
        + ", "
        + "allowRollupHdrs="
        + allowRollupHdrs
        + ", "
        + "consumerLimits="
        + consumerLimits
        + ", "
        + "allowMsgTtl="
        + allowMsgTtl
        + ", "
        + "subjectDeleteMarkerTtl="
        + subjectDeleteMarkerTtl
        + ", "
        + "allowMsgCounter="
        + allowMsgCounter
        + ", "
        + "allowAtomic="
        + allowAtomic
        + ", "
        + "allowMsgSchedules="
        + allowMsgSchedules
        + ", "
        + "persistMode="
        + persistMode
        + ", "
        + "allowBatched="
        + allowBatched
        + ", "
        + "metadata="
        + metadata()
        + "]";
  }
}
