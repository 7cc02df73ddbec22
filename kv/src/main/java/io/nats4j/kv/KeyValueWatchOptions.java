package io.nats4j.kv;

/**
 * How a watcher starts and what it delivers (ADR-8). By default it delivers the latest revision of
 * every matching key (deletes and purges included), signals the end of that initial data, then
 * every later change.
 *
 * <pre>{@code
 * KeyValueWatchOptions.builder().includeHistory(true).ignoreDeletes(true).build();
 * }</pre>
 *
 * <p>Thread-safe: immutable.
 */
public final class KeyValueWatchOptions {
  private static final KeyValueWatchOptions DEFAULTS = builder().build();

  private final boolean includeHistory;
  private final boolean ignoreDeletes;
  private final boolean metaOnly;
  private final boolean updatesOnly;
  private final long resumeFromRevision;

  private KeyValueWatchOptions(Builder b) {
    this.includeHistory = b.includeHistory;
    this.ignoreDeletes = b.ignoreDeletes;
    this.metaOnly = b.metaOnly;
    this.updatesOnly = b.updatesOnly;
    this.resumeFromRevision = b.resumeFromRevision;
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

    private Builder() {}

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
