package io.nats4j.objectstore;

import io.nats4j.client.Dispatcher;

/**
 * How {@link ObjectStore#watch} starts and what it reports. By default a watch reports every
 * object's latest meta, deleted objects' markers included ({@link ObjectInfo#isDeleted()}), in the
 * initial data and afterwards, as nats.go does: a watcher that caches objects needs the deletes.
 * {@link Builder#ignoreDeletes(boolean)} leaves them out.
 *
 * <p>Thread-safety: immutable (a dispatcher given to it is shared, not copied); the builder is not
 * thread-safe.
 */
public final class WatchOptions {
  private static final WatchOptions DEFAULTS = builder().build();

  private final boolean ignoreDeletes;
  private final boolean updatesOnly;
  private final boolean includeHistory;
  private final Dispatcher dispatcher;

  private WatchOptions(Builder b) {
    this.ignoreDeletes = b.ignoreDeletes;
    this.updatesOnly = b.updatesOnly;
    this.includeHistory = b.includeHistory;
    this.dispatcher = b.dispatcher;
  }

  /**
   * Returns the defaults: the current objects (deleted ones' markers included), then changes.
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
   * Returns whether deleted objects (their markers) are left out.
   *
   * @return true to leave them out
   */
  public boolean ignoreDeletes() {
    return ignoreDeletes;
  }

  /**
   * Returns whether deleted objects (their markers) are reported: the opposite of {@link
   * #ignoreDeletes()}.
   *
   * @return true to report them
   * @deprecated deletes are reported by default now (as nats.go does); use {@link #ignoreDeletes()}
   */
  @Deprecated(forRemoval = true)
  public boolean includeDeleted() {
    return !ignoreDeletes;
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

  /**
   * Returns the dispatcher that calls the watcher, or null: then each watch gets a dispatcher of
   * its own, closed with the watch.
   *
   * @return the shared dispatcher, or null for one per watch
   */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** Builds {@link WatchOptions}; not thread-safe. */
  public static final class Builder {
    private boolean ignoreDeletes;
    private boolean updatesOnly;
    private boolean includeHistory;
    private Dispatcher dispatcher;

    private Builder() {}

    /**
     * Leaves deleted objects out (default false: their markers are reported, in the initial data
     * too).
     *
     * @param ignoreDeletes true to leave deletes out
     * @return this
     */
    public Builder ignoreDeletes(boolean ignoreDeletes) {
      this.ignoreDeletes = ignoreDeletes;
      return this;
    }

    /**
     * Reports deleted objects, or leaves them out: the opposite of {@link #ignoreDeletes(boolean)}.
     *
     * @param includeDeleted true to report deletes (the default)
     * @return this
     * @deprecated deletes are reported by default now (as nats.go does); use {@link
     *     #ignoreDeletes(boolean)}
     */
    @Deprecated(forRemoval = true)
    public Builder includeDeleted(boolean includeDeleted) {
      this.ignoreDeletes = !includeDeleted;
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
     * Calls the watcher on this dispatcher, shared with whatever else it runs. By default each
     * watch gets a dispatcher of its own ({@code Connection#createDispatcher}), so a slow watcher
     * holds back only its own watch.
     *
     * @param dispatcher a dispatcher of the bucket's connection, or null for one per watch
     * @return this
     */
    public Builder dispatcher(Dispatcher dispatcher) {
      this.dispatcher = dispatcher;
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
