package io.nats4j.kv;

import io.nats4j.client.Dispatcher;
import java.time.Duration;
import java.util.Objects;

/**
 * How a watcher starts and what it delivers (ADR-8). By default it delivers the latest revision of
 * every matching key (deletes and purges included), signals the end of that initial data, then
 * every later change.
 *
 * <pre>{@code
 * KeyValueWatchOptions.builder().includeHistory(true).ignoreDeletes(true).build();
 * }</pre>
 *
 * <p>A watch asks the server for an idle heartbeat every {@link #DEFAULT_IDLE_HEARTBEAT} (as
 * nats.go's watches do), so a watch whose stream's server died behind a leafnode or a gateway
 * notices it after two missed heartbeats and recreates its consumer; set it with {@link
 * Builder#idleHeartbeat(Duration)}.
 *
 * <p>Thread-safe: immutable (a dispatcher given to it is shared, not copied).
 */
public final class KeyValueWatchOptions {
  /** The idle heartbeat of a watch's consumer unless set: 5 seconds, as nats.go's watches. */
  public static final Duration DEFAULT_IDLE_HEARTBEAT = Duration.ofSeconds(5);

  /** The shortest idle heartbeat a watch accepts. */
  public static final Duration MIN_IDLE_HEARTBEAT = Duration.ofMillis(500);

  /** The longest idle heartbeat a watch accepts. */
  public static final Duration MAX_IDLE_HEARTBEAT = Duration.ofSeconds(30);

  private static final KeyValueWatchOptions DEFAULTS = builder().build();

  private final boolean includeHistory;
  private final boolean ignoreDeletes;
  private final boolean metaOnly;
  private final boolean updatesOnly;
  private final long resumeFromRevision;
  private final Duration idleHeartbeat;
  private final Dispatcher dispatcher;

  private KeyValueWatchOptions(Builder b) {
    this.includeHistory = b.includeHistory;
    this.ignoreDeletes = b.ignoreDeletes;
    this.metaOnly = b.metaOnly;
    this.updatesOnly = b.updatesOnly;
    this.resumeFromRevision = b.resumeFromRevision;
    this.idleHeartbeat = b.idleHeartbeat;
    this.dispatcher = b.dispatcher;
  }

  /**
   * Returns the default options: latest values, deletes included, values included.
   *
   * @return the default options: latest values, deletes included, values included
   */
  public static KeyValueWatchOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder.
   *
   * @return the result
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns true to deliver every kept revision, not just the latest.
   *
   * @return true to deliver every kept revision, not just the latest
   */
  public boolean includeHistory() {
    return includeHistory;
  }

  /**
   * Returns true to leave out deletes and purges.
   *
   * @return true to leave out deletes and purges
   */
  public boolean ignoreDeletes() {
    return ignoreDeletes;
  }

  /**
   * Returns true to deliver entries without their values (headers only).
   *
   * @return true to deliver entries without their values (headers only)
   */
  public boolean metaOnly() {
    return metaOnly;
  }

  /**
   * Returns true to deliver only changes made after the watch started.
   *
   * @return true to deliver only changes made after the watch started
   */
  public boolean updatesOnly() {
    return updatesOnly;
  }

  /**
   * Returns the revision to start at (every revision from there on), or 0.
   *
   * @return the revision to start at (every revision from there on), or 0
   */
  public long resumeFromRevision() {
    return resumeFromRevision;
  }

  /**
   * Returns the idle heartbeat the server sends the watch's consumer while it has nothing to
   * deliver; two missed in a row make the watch recreate its consumer.
   *
   * @return the idle heartbeat, {@link #DEFAULT_IDLE_HEARTBEAT} unless set
   */
  public Duration idleHeartbeat() {
    return idleHeartbeat;
  }

  /**
   * Returns the dispatcher that calls a listener watch's listener, or null: then each listener
   * watch gets a dispatcher of its own, closed with the watch.
   *
   * @return the shared dispatcher, or null for one per watch
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /**
   * Builds {@link KeyValueWatchOptions}.
   *
   * <p>Not thread-safe: confine a builder to one thread.
   */
  public static final class Builder {
    private boolean includeHistory;
    private boolean ignoreDeletes;
    private boolean metaOnly;
    private boolean updatesOnly;
    private long resumeFromRevision;
    private Duration idleHeartbeat = DEFAULT_IDLE_HEARTBEAT;
    private Dispatcher dispatcher;

    private Builder() {}

    /**
     * Sets the idle heartbeat of the watch's consumer (default {@link #DEFAULT_IDLE_HEARTBEAT}): a
     * shorter one notices a dead stream server sooner, at the cost of a heartbeat message per
     * interval while the watch is idle.
     *
     * @param idleHeartbeat from {@link #MIN_IDLE_HEARTBEAT} to {@link #MAX_IDLE_HEARTBEAT}
     * @return this builder
     * @throws IllegalArgumentException if outside those bounds
     */
    public Builder idleHeartbeat(Duration idleHeartbeat) {
      Objects.requireNonNull(idleHeartbeat, "idleHeartbeat");
      if (idleHeartbeat.compareTo(MIN_IDLE_HEARTBEAT) < 0
          || idleHeartbeat.compareTo(MAX_IDLE_HEARTBEAT) > 0) {
        throw new IllegalArgumentException(
            "idleHeartbeat must be from "
                + MIN_IDLE_HEARTBEAT.toMillis()
                + " ms to "
                + MAX_IDLE_HEARTBEAT.toSeconds()
                + " s, got "
                + idleHeartbeat);
      }
      this.idleHeartbeat = idleHeartbeat;
      return this;
    }

    /**
     * Calls a listener watch's listener on this dispatcher, shared with whatever else it runs (a
     * slow handler there delays this listener, and a slow listener delays them). By default each
     * listener watch gets a dispatcher of its own ({@code Connection#createDispatcher}), so a slow
     * listener holds back only its own watch. Not used by {@link KeyValue#watcher}, which is read
     * at the caller's pace.
     *
     * @param dispatcher a dispatcher of the bucket's connection, or null for one per watch
     * @return this builder
     */
    public Builder dispatcher(Dispatcher dispatcher) {
      this.dispatcher = dispatcher;
      return this;
    }

    /**
     * Delivers every kept revision of each key, oldest first, not just the latest.
     *
     * @param includeHistory the include history
     * @return the result
     */
    public Builder includeHistory(boolean includeHistory) {
      this.includeHistory = includeHistory;
      return this;
    }

    /**
     * Leaves out deletes and purges (limit markers included).
     *
     * @param ignoreDeletes the ignore deletes
     * @return the result
     */
    public Builder ignoreDeletes(boolean ignoreDeletes) {
      this.ignoreDeletes = ignoreDeletes;
      return this;
    }

    /**
     * Delivers entries without values: the server sends headers only.
     *
     * @param metaOnly the meta only
     * @return the result
     */
    public Builder metaOnly(boolean metaOnly) {
      this.metaOnly = metaOnly;
      return this;
    }

    /**
     * Delivers only changes made after the watch started; the end of the (empty) initial data is
     * signalled at once.
     *
     * @param updatesOnly the updates only
     * @return the result
     */
    public Builder updatesOnly(boolean updatesOnly) {
      this.updatesOnly = updatesOnly;
      return this;
    }

    /**
     * Starts at this revision and delivers every revision from there on (e.g. the revision after
     * the last one a previous watcher saw).
     *
     * @param revision at least 1
     * @return the result
     */
    public Builder resumeFromRevision(long revision) {
      if (revision < 1) {
        throw new IllegalArgumentException(
            "resumeFromRevision must be at least 1, was " + revision);
      }
      this.resumeFromRevision = revision;
      return this;
    }

    /**
     * Builds the options.
     *
     * @throws IllegalArgumentException if options contradict each other (updates only with history
     *     or a resume revision)
     * @return the result
     */
    public KeyValueWatchOptions build() {
      if (updatesOnly && (includeHistory || resumeFromRevision > 0)) {
        throw new IllegalArgumentException(
            "updatesOnly excludes includeHistory and resumeFromRevision");
      }
      return new KeyValueWatchOptions(this);
    }
  }
}
