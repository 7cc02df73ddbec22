package io.nats4j.jetstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * @param name the stream name
 * @param description free text
 * @param subjects the subjects the stream captures; empty means just its name
 * @param retention the retention policy, null for the server's default (limits)
 * @param maxConsumers the most consumers, -1 or 0 for unlimited
 * @param maxMsgs the most messages, -1 or 0 for unlimited
 * @param maxBytes the most bytes, -1 or 0 for unlimited
 * @param maxAge the oldest message age, null or zero for unlimited
 * @param maxMsgsPerSubject the most messages per subject, -1 or 0 for unlimited
 * @param maxMsgSize the largest message, -1 or 0 for the server's limit
 * @param discard what happens when a limit is hit, null for the default (old)
 * @param storage file or memory, null for the default (file)
 * @param numReplicas the replica count (1, 3 or 5), 0 for the default (1)
 * @param noAck true to not acknowledge publishes
 * @param duplicateWindow the window for {@code Nats-Msg-Id} deduplication, null for 2 minutes
 * @param placement cluster/tags placement
 * @param mirror the stream this one mirrors
 * @param sources the streams this one sources from
 * @param compression storage compression, null for the default (none)
 * @param firstSeq the sequence of the first message
 * @param subjectTransform a transform applied to incoming subjects
 * @param republish republishing of stored messages
 * @param allowDirect true to allow Direct Get
 * @param mirrorDirect true to let a mirror answer Direct Gets for its origin
 * @param discardNewPerSubject with discard new, apply it per subject
 * @param sealed true to seal the stream (update only; irreversible)
 * @param denyDelete true to refuse message deletes
 * @param denyPurge true to refuse purges
 * @param allowRollupHdrs true to allow the {@code Nats-Rollup} header
 * @param consumerLimits defaults and caps for consumers
 * @param allowMsgTtl true to honour {@code Nats-TTL} (API level 1)
 * @param subjectDeleteMarkerTtl how long delete markers live (API level 1)
 * @param allowMsgCounter true to make this a counter stream (API level 2)
 * @param allowAtomic true to allow atomic batch publish (API level 2)
 * @param allowMsgSchedules true to allow scheduled messages (API level 2)
 * @param persistMode the persistence mode (API level 2)
 * @param allowBatched true to allow fast-ingest batch publish (API level 4)
 * @param metadata free key/value metadata; the server adds {@code _nats.*} keys
 */
public record StreamConfig(
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

  /** Copies the collections so the record stays immutable. */
  public StreamConfig {
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    sources = sources == null ? List.of() : List.copyOf(sources);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
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
}
