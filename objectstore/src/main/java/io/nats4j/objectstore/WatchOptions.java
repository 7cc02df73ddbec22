package io.nats4j.objectstore;

/**
 * How {@link ObjectStore#watch} starts and what it reports.
 *
 * <p>Thread-safety: immutable; the builder is not thread-safe.
 */
public final class WatchOptions {
  private static final WatchOptions DEFAULTS = builder().build();

  private final boolean includeDeleted;
  private final boolean updatesOnly;
  private final boolean includeHistory;

  private WatchOptions(Builder b) {
    this.includeDeleted = b.includeDeleted;
    this.updatesOnly = b.updatesOnly;
    this.includeHistory = b.includeHistory;
  }

  /**
   * Returns the defaults: the current objects (not deleted ones), then changes.
   *
   * @return the defaults
   */
  public static WatchOptions defaults() {
    return DEFAULTS;
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
   * Returns whether deleted objects (their markers) are reported.
   *
   * @return true to report them
   */
  public boolean includeDeleted() {
    return includeDeleted;
  }

  /**
   * Returns whether only changes after the start are reported.
   *
   * @return true to skip the current state
   */
  public boolean updatesOnly() {
    return updatesOnly;
  }

  /**
   * Returns whether every stored meta is reported, not only the latest per object.
   *
   * @return true for the whole history
   */
  public boolean includeHistory() {
    return includeHistory;
  }

  /** Builds {@link WatchOptions}; not thread-safe. */
  public static final class Builder {
    private boolean includeDeleted;
    private boolean updatesOnly;
    private boolean includeHistory;

    private Builder() {}

    /**
     * Reports deleted objects too (default false).
     *
     * @param includeDeleted true to report deletes
     * @return this
     */
    public Builder includeDeleted(boolean includeDeleted) {
      this.includeDeleted = includeDeleted;
      return this;
    }

    /**
     * Reports only changes made after the watch started (default false); the end of initial data is
     * then signalled at once.
     *
     * @param updatesOnly true to skip the current state
     * @return this
     */
    public Builder updatesOnly(boolean updatesOnly) {
      this.updatesOnly = updatesOnly;
      return this;
    }

    /**
     * Reports every meta still in the stream, not only each object's latest (default false).
     * Replacing an object rolls its older metas up, so history shows mostly renames and deletes.
     *
     * @param includeHistory true for the history
     * @return this
     */
    public Builder includeHistory(boolean includeHistory) {
      this.includeHistory = includeHistory;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException if both updatesOnly and includeHistory are set
     */
    public WatchOptions build() {
      if (updatesOnly && includeHistory) {
        throw new IllegalArgumentException("updatesOnly and includeHistory exclude each other");
      }
      return new WatchOptions(this);
    }
  }
}
