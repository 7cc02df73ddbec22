package io.nats4j.client;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Where a connection's threads come from: daemon platform threads (the default), virtual threads
 * (Java 21 and later), or the application's {@link ThreadFactory}; and whether dispatchers run on
 * an executor of the application's instead of a thread each. See {@code docs/THREADING.md}.
 *
 * <p>Thread-safety: immutable, safe to share between connections (the factory and executor it holds
 * are shared too).
 *
 * <pre>{@code
 * ExecutorService handlers = Executors.newFixedThreadPool(8);
 * Options options = Options.builder()
 *     .threads(ThreadOptions.builder().virtualThreads(true).dispatcherExecutor(handlers).build())
 *     .build();
 * }</pre>
 */
public final class ThreadOptions {
  private static final ThreadOptions DEFAULTS = builder().build();

  private final ThreadFactory threadFactory;
  private final boolean virtualThreads;
  private final Executor dispatcherExecutor;

  private ThreadOptions(Builder b) {
    this.threadFactory = b.threadFactory;
    this.virtualThreads = b.virtualThreads;
    this.dispatcherExecutor = b.dispatcherExecutor;
  }

  /**
   * Returns the defaults: daemon platform threads, a thread per dispatcher.
   *
   * @return the defaults
   */
  public static ThreadOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder with the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this object's values.
   *
   * @return a builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.threadFactory = threadFactory;
    b.virtualThreads = virtualThreads;
    b.dispatcherExecutor = dispatcherExecutor;
    return b;
  }

  /**
   * Returns the factory of the connection's threads.
   *
   * @return the factory, or null for the library's own (daemon platform or virtual) threads
   */
  public ThreadFactory threadFactory() {
    return threadFactory;
  }

  /**
   * Tells whether the connection's threads are virtual threads.
   *
   * @return true if {@link Builder#virtualThreads(boolean)} asked for them
   */
  public boolean virtualThreads() {
    return virtualThreads;
  }

  /**
   * Returns the executor that runs the dispatchers' handlers.
   *
   * @return the executor, or null: each dispatcher has a thread of its own
   */
  public Executor dispatcherExecutor() {
    return dispatcherExecutor;
  }

  @Override
  public String toString() {
    return "ThreadOptions["
        + (threadFactory != null ? "threadFactory" : virtualThreads ? "virtual" : "platform")
        + (dispatcherExecutor != null ? ", dispatcherExecutor" : "")
        + "]";
  }

  /**
   * Builds {@link ThreadOptions}.
   *
   * <p>Thread-safety: not thread-safe; build on one thread.
   */
  public static final class Builder {
    private ThreadFactory threadFactory;
    private boolean virtualThreads;
    private Executor dispatcherExecutor;

    private Builder() {}

    /**
     * Makes every thread the connection starts (reader, writer, scheduler, events, reconnect,
     * dispatchers) with this factory. The library still names each thread {@code nats4j-…}. The
     * factory's threads may be virtual threads; they should be daemon threads, or the JVM waits for
     * them until the connection is closed. Takes precedence over {@link #virtualThreads(boolean)}.
     *
     * @param factory the factory, or null for the default
     * @return this builder
     */
    public Builder threadFactory(ThreadFactory factory) {
      this.threadFactory = factory;
      return this;
    }

    /**
     * Runs every thread the connection starts on a virtual thread (Java 21 and later); default off
     * (daemon platform threads). With many connections or dispatchers this saves a platform thread
     * and its stack each; message handlers and listeners then run on virtual threads too, so code
     * that pins its carrier (blocking inside {@code synchronized} on Java before 24, native calls)
     * should stay out of them.
     *
     * @param virtual whether to use virtual threads
     * @return this builder
     */
    public Builder virtualThreads(boolean virtual) {
      this.virtualThreads = virtual;
      return this;
    }

    /**
     * Runs the message handlers of every dispatcher of the connection (the default one, those made
     * with {@code createDispatcher}, and those the JetStream module makes) as tasks on this
     * executor instead of a thread per dispatcher; default null. A dispatcher still runs one
     * handler at a time, in message order: it submits one task at a time, which handles up to about
     * a thousand messages and then submits itself again, so one busy dispatcher does not hold an
     * executor thread for long. One executor may serve many connections; size it for the handlers
     * that block. The caller owns it and shuts it down after closing the connections. It must run
     * tasks on other threads (not inline), or handlers would run on the socket reader.
     *
     * @param executor the executor, or null for a thread per dispatcher
     * @return this builder
     */
    public Builder dispatcherExecutor(Executor executor) {
      this.dispatcherExecutor = executor;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the options
     * @throws IllegalArgumentException if virtual threads are asked for before Java 21
     */
    public ThreadOptions build() {
      if (virtualThreads && threadFactory == null && Runtime.version().feature() < 21) {
        throw new IllegalArgumentException(
            "virtualThreads needs Java 21 or later; this is Java " + Runtime.version().feature());
      }
      return new ThreadOptions(this);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThreadOptions t
        && Objects.equals(threadFactory, t.threadFactory)
        && virtualThreads == t.virtualThreads
        && Objects.equals(dispatcherExecutor, t.dispatcherExecutor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(threadFactory, virtualThreads, dispatcherExecutor);
  }
}
